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
  /** Shown in the Content Manager (CRM records, playbooks) or kept to the plugin's own screens. */
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
 * table), so the hot queries and the unique constraints of E2 can use it directly.
 */
export const foreignKey = (target: string, extra: Record<string, unknown> = {}) => ({
  type: 'relation',
  relation: 'manyToOne',
  target,
  useJoinTable: false,
  ...extra,
});

/** A many-to-one relation through Strapi's default link table (needed towards draft & publish types). */
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

export const enumeration = (values: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'enumeration',
  enum: [...values],
  ...extra,
});
