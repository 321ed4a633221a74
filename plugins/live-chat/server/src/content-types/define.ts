/**
 * A small builder for the plugin's content-type schemas, so every schema gets the same table prefix,
 * plugin options and naming, and relations are spelled once.
 */
type Attributes = Record<string, Record<string, unknown>>;

export interface SchemaIndex {
  name: string;
  columns: string[];
  type?: 'unique';
}

interface DefineOptions {
  singularName: string;
  pluralName: string;
  displayName: string;
  description?: string;
  draftAndPublish?: boolean;
  /**
   * Reached through the Content Manager (the CRM records, under each role's Content Manager
   * permissions), or only through the plugin's own routes: a plugin-only type (permissions.ts).
   */
  visibleInContentManager: boolean;
  attributes: Attributes;
  /** Database indexes the schema sync creates; column names are snake_case. */
  indexes?: SchemaIndex[];
}

export const tableName = (pluralName: string) => `live_chat_${pluralName.replace(/-/g, '_')}`;

export function defineContentType(options: DefineOptions) {
  return {
    schema: {
      kind: 'collectionType',
      collectionName: tableName(options.pluralName),
      info: {
        singularName: options.singularName,
        pluralName: options.pluralName,
        displayName: options.displayName,
        description: options.description ?? '',
      },
      options: { draftAndPublish: options.draftAndPublish ?? false },
      pluginOptions: {
        'content-manager': { visible: options.visibleInContentManager },
        'content-type-builder': { visible: false },
      },
      attributes: options.attributes,
      // Strapi's schema sync reads indexes from the schema itself.
      indexes: options.indexes ?? [],
    },
  };
}

/**
 * A many-to-one relation kept as a foreign-key column on this table (not Strapi's default link
 * table), so the hot queries and the unique constraints of E2 can use it directly. Only for relations
 * the content API never writes: Strapi 5's document service maps documentIds (`"person": "<id>"`,
 * connect / disconnect / set) for link-table relations only and passes a foreign-key column's value
 * through untouched, so such a relation would refuse every documentId (F1).
 */
export const foreignKey = (target: string, extra: Record<string, unknown> = {}) => ({
  type: 'relation',
  relation: 'manyToOne',
  target,
  useJoinTable: false,
  ...extra,
});

/**
 * A many-to-one relation through Strapi's default link table: what every relation the content API
 * writes uses (see foreignKey), and what a relation towards a draft & publish type needs.
 */
export const linkTo = (target: string, extra: Record<string, unknown> = {}) => ({
  type: 'relation',
  relation: 'manyToOne',
  target,
  ...extra,
});

export const hasMany = (target: string, mappedBy: string) => ({
  type: 'relation',
  relation: 'oneToMany',
  target,
  mappedBy,
});

/**
 * Marks a relation the content API must never show, populate, filter or sort on (F1): Strapi's own
 * sanitizer and query validator treat a private attribute that way on every route and at every
 * depth, while the plugin's own code (query engine, SQL) still reads it.
 */
export const hiddenFromContentApi = <T extends Record<string, unknown>>(attribute: T) => ({ ...attribute, private: true });

export const enumeration = (values: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'enumeration',
  enum: [...values],
  ...extra,
});
