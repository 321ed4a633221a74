/**
 * What the content API's input rules need to know of a content type: its attributes as Strapi
 * registered them, and which of them a client may write or read. Built from Strapi's own schema at
 * request time, so a new attribute is covered without touching the rules.
 */
export interface AttributeView {
  type: string;
  relation?: string;
  target?: string;
  enum?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface ModelView {
  uid: string;
  attributes: Readonly<Record<string, AttributeView>>;
  /** Attributes a client may send in `data` (not ids, timestamps, creator fields, `writable: false`). */
  isWritable: (name: string) => boolean;
  /** Attributes the content API never shows, filters, sorts or populates. */
  isPrivate: (name: string) => boolean;
}

export type ModelLookup = (uid: string) => ModelView | undefined;

/** Own keys only: `toString`, `__proto__` or `constructor` are never attributes, whatever the prototype says. */
export const attributeOf = (model: ModelView, name: string): AttributeView | undefined =>
  Object.prototype.hasOwnProperty.call(model.attributes, name) ? model.attributes[name] : undefined;

/** The columns every content type has that are not in `attributes`. */
export const SYSTEM_FIELDS: Readonly<Record<string, AttributeView>> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
};

/** A readable attribute or system field of a model (own, not private), or undefined. */
export function readableField(model: ModelView, name: string): AttributeView | undefined {
  if (Object.prototype.hasOwnProperty.call(SYSTEM_FIELDS, name)) return SYSTEM_FIELDS[name];
  const attribute = attributeOf(model, name);
  if (!attribute || model.isPrivate(name)) return undefined;
  return attribute;
}

export const isRelation = (attribute: AttributeView) => attribute.type === 'relation';
export const isToMany = (attribute: AttributeView) => /ToMany$/.test(attribute.relation ?? '');

/** A plain object (what JSON and Strapi's query parser produce for `{…}` / `a[b]=`), not an array. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A list: an array, as JSON and the query parser (up to its array limit of 100) deliver it. Past that
 * limit the parser makes an object keyed "101", … which Strapi's query engine cannot run
 * (`$or` "must be an array", `$in` of an object): that is no list.
 */
export const asList = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);
