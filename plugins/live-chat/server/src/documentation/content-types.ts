import { PLUGIN_ID, type ContentTypeName } from '../../../shared/constants';
import { CONTENT_API_TYPES, CONTENT_API_TYPE_NAMES, type ContentApiTypeName } from '../content-api';
import contentTypes from '../content-types';
import { pascal, ref, SCHEMA_PREFIX, type JsonSchema } from './names';

/**
 * G1: the schemas of the plugin's types, replacing those Strapi's documentation plugin 5.54 derives
 * (same names, so its generated paths point at these). Its own describe what Strapi does not answer:
 * no field may be null, required fields even under `fields`, pagination bounded to one page of 25+,
 * private and hidden relations listed, every relation inlined recursively (0.75 MB), and a relation's
 * input as an id. These follow the content-type schemas: nullable unless required, private fields and
 * hidden relations left out, relations as references, and relation inputs in every documentId form.
 */
interface Attribute {
  type?: unknown;
  enum?: unknown;
  relation?: unknown;
  target?: unknown;
  required?: unknown;
  private?: unknown;
}

const typeName = (type: string) => `${SCHEMA_PREFIX}${pascal(type)}`;
/** OpenAPI 3.0 has no null type: this is its usual spelling of "null", which validators accept. */
const NULL_VALUE = { type: 'object', nullable: true, enum: [null] };

const attributesOf = (type: ContentTypeName) => Object.entries(contentTypes[type].schema.attributes as Record<string, Attribute>);
const isVisible = (attribute: Attribute) => attribute.private !== true;
const pluginTypeOf = (target: unknown) =>
  (Object.keys(contentTypes) as ContentTypeName[]).find((name) => target === `plugin::${PLUGIN_ID}.${name}`);
const isToMany = (attribute: Attribute) => typeof attribute.relation === 'string' && /ToMany$/.test(attribute.relation);

function scalar(attribute: Attribute): JsonSchema {
  switch (attribute.type) {
    case 'email':
      return { type: 'string', format: 'email' };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum };
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'json':
      return {};
    default:
      return { type: 'string' };
  }
}

const nullableUnlessRequired = (schema: JsonSchema, attribute: Attribute): JsonSchema => {
  if (attribute.required === true) return schema;
  return 'type' in schema ? { ...schema, nullable: true } : schema;
};

/** A record as the content API answers it; only id and documentId are always there (`fields` selects). */
function entitySchema(type: ContentTypeName): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    id: { type: 'integer' },
    documentId: { type: 'string' },
  };
  for (const [name, attribute] of attributesOf(type).filter(([, candidate]) => isVisible(candidate))) {
    if (attribute.type !== 'relation') {
      properties[name] = nullableUnlessRequired(scalar(attribute), attribute);
      continue;
    }
    const target = pluginTypeOf(attribute.target);
    if (!target) continue;
    properties[name] = isToMany(attribute)
      ? { type: 'array', items: ref(typeName(target)), description: 'Present when populated' }
      : { anyOf: [ref(typeName(target)), NULL_VALUE], description: 'Present when populated' };
  }
  properties.createdAt = { type: 'string', format: 'date-time' };
  properties.updatedAt = { type: 'string', format: 'date-time' };
  properties.publishedAt = { type: 'string', format: 'date-time', nullable: true };
  return { type: 'object', required: ['id', 'documentId'], properties };
}

/** A relation written by documentId, in each of Strapi 5's forms (docs/api.md). */
const DOCUMENT_REF = { anyOf: [{ type: 'string', description: 'documentId' }, { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } } }] };
const relationInput = (toMany: boolean): JsonSchema => ({
  anyOf: [
    { type: 'string', description: 'documentId (shorthand)' },
    { type: 'array', items: DOCUMENT_REF, ...(toMany ? {} : { maxItems: 1 }) },
    {
      type: 'object',
      additionalProperties: false,
      properties: { connect: { type: 'array', items: DOCUMENT_REF }, disconnect: { type: 'array', items: DOCUMENT_REF }, set: { type: 'array', items: DOCUMENT_REF } },
    },
    NULL_VALUE,
  ],
});

function requestSchema(type: ContentApiTypeName): JsonSchema {
  const visible = attributesOf(type).filter(([, attribute]) => isVisible(attribute));
  const properties = Object.fromEntries(
    visible.map(([name, attribute]) => [
      name,
      attribute.type === 'relation'
        ? ref(`${SCHEMA_PREFIX}Relation${isToMany(attribute) ? 'ToMany' : 'ToOne'}`)
        : nullableUnlessRequired(scalar(attribute), attribute),
    ]),
  );
  const required = visible.filter(([, attribute]) => attribute.required === true && attribute.type !== 'relation').map(([name]) => name);
  return {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties } },
  };
}

const PAGINATION = {
  type: 'object',
  properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
};

/** The schemas of every exposed type, and of the types their visible relations reach. */
export function contentTypeSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    [`${SCHEMA_PREFIX}RelationToOne`]: relationInput(false),
    [`${SCHEMA_PREFIX}RelationToMany`]: relationInput(true),
  };
  const described = new Set<ContentTypeName>();
  const describe = (type: ContentTypeName) => {
    if (described.has(type)) return;
    described.add(type);
    schemas[typeName(type)] = entitySchema(type);
    for (const [, attribute] of attributesOf(type).filter(([, candidate]) => isVisible(candidate) && candidate.type === 'relation')) {
      const target = pluginTypeOf(attribute.target);
      if (target) describe(target);
    }
  };
  for (const type of CONTENT_API_TYPE_NAMES) {
    describe(type);
    const name = typeName(type);
    schemas[`${name}Response`] = { type: 'object', required: ['data'], properties: { data: ref(name), meta: { type: 'object' } } };
    schemas[`${name}ListResponse`] = {
      type: 'object',
      required: ['data', 'meta'],
      properties: { data: { type: 'array', items: ref(name) }, meta: { type: 'object', properties: { pagination: PAGINATION } } },
    };
    if ((CONTENT_API_TYPES[type] as readonly string[]).includes('create')) schemas[`${name}Request`] = requestSchema(type);
  }
  return schemas;
}
