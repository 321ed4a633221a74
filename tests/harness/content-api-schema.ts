import { CONTENT_API_TYPES, CONTENT_API_TYPE_NAMES, type ContentApiTypeName } from '../../plugins/live-chat/server/src/content-api';
import contentTypes from '../../plugins/live-chat/server/src/content-types';
import { uid, type ContentTypeName } from '../../plugins/live-chat/shared/constants';

/**
 * The content API's types and relations as the plugin's content-type schemas (the very objects
 * Strapi registers) declare them, so tests cover every relation of every type without listing them
 * by hand (F1), and jest can name each case before any app boots.
 */
export interface RelationInfo {
  type: ContentTypeName;
  name: string;
  target: string;
  toMany: boolean;
  /** Private relations are never shown, populated or filtered through the content API. */
  hidden: boolean;
}

interface AttributeSchema {
  type: string;
  relation?: string;
  target?: string;
  private?: boolean;
  required?: boolean;
  default?: unknown;
}

const schemaOf = (type: ContentTypeName) => contentTypes[type].schema;

/** The plugin type a UID names (`plugin::live-chat.visitor` → `visitor`), if it is one. */
export const pluginTypeOf = (target: string): ContentTypeName | undefined =>
  (Object.keys(contentTypes) as ContentTypeName[]).find((name) => uid(name) === target);

export const pluralOf = (type: ContentTypeName): string => schemaOf(type).info.pluralName;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The attributes of a schema, read field by field (the definitions type them loosely). */
const attributesOf = (type: ContentTypeName): Record<string, AttributeSchema> =>
  Object.fromEntries(
    Object.entries(schemaOf(type).attributes).map(([name, attribute]) => [
      name,
      {
        type: text(attribute.type) ?? 'unknown',
        relation: text(attribute.relation),
        target: text(attribute.target),
        private: attribute.private === true,
        required: attribute.required === true,
        default: attribute.default,
      },
    ]),
  );

export function relationsOf(type: ContentTypeName): RelationInfo[] {
  return Object.entries(attributesOf(type))
    .filter(([, attribute]) => attribute.type === 'relation' && typeof attribute.target === 'string')
    .map(([name, attribute]) => ({
      type,
      name,
      target: attribute.target as string,
      toMany: /ToMany$/.test(attribute.relation ?? ''),
      hidden: attribute.private === true,
    }));
}

/** The types whose core write routes the content API offers. */
export const writableTypes = (): ContentApiTypeName[] =>
  CONTENT_API_TYPE_NAMES.filter((name) => (CONTENT_API_TYPES[name] as readonly string[]).includes('create'));

export const readableTypes = (): ContentApiTypeName[] => [...CONTENT_API_TYPE_NAMES];

/** Whether a UID is one of the content API's own types (and which). */
export const contentApiTypeOf = (target: string): ContentApiTypeName | undefined =>
  CONTENT_API_TYPE_NAMES.find((name) => uid(name) === target);

/** The smallest valid `data` of a writable type: each required text attribute without a default. */
export function minimalData(type: ContentTypeName, label: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributesOf(type))
      .filter(([, attribute]) => attribute.required && attribute.default === undefined && ['string', 'text'].includes(attribute.type))
      .map(([name]) => [name, `${label} ${name}`]),
  );
}

/** A scalar attribute of a type that a `fields` selection can name. */
export function scalarFieldOf(type: ContentTypeName): string {
  const [name] = Object.entries(attributesOf(type)).find(
    ([, attribute]) => !attribute.private && ['string', 'text', 'email', 'integer', 'enumeration'].includes(attribute.type),
  ) ?? ['createdAt'];
  return name;
}
