import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid, type ContentTypeName } from '../../../shared/constants';
import { tableName } from '../content-types/define';

/**
 * 0.1.0 kept the CRM records' relations as foreign-key columns; they now live in Strapi's link tables
 * so the content API can write them by documentId (F1). Strapi's schema sync drops the old columns,
 * and its link tables exist only after that sync, so the move takes two steps: before the sync an
 * internal migration copies every set column into a holding table, after it the plugin's bootstrap
 * writes them through the query engine (which knows each link table and its ordering columns).
 */
const MOVED: ReadonlyArray<{ type: ContentTypeName; pluralName: string; attribute: string }> = [
  ...['person', 'organization', 'conversation'].map((attribute) => ({ type: 'lead' as const, pluralName: 'leads', attribute })),
  ...['person', 'organization', 'conversation'].map((attribute) => ({ type: 'deal' as const, pluralName: 'deals', attribute })),
  { type: 'person', pluralName: 'persons', attribute: 'organization' },
  ...['person', 'lead', 'deal', 'conversation'].map((attribute) => ({ type: 'activity' as const, pluralName: 'activities', attribute })),
];

const HOLDING_TABLE = 'live_chat_relation_moves';

interface SchemaAware {
  getSchemaConnection(trx?: Knex): Knex.SchemaBuilder;
  getSchemaName(): string | undefined;
}

/** The query of one table in the configured PostgreSQL schema (public or the tests' own). */
const inSchema = (trx: Knex, db: SchemaAware, name: string) => {
  const schema = db.getSchemaName();
  return schema ? trx(name).withSchema(schema) : trx(name);
};

/** Runs before Strapi's schema sync: copies the old foreign-key columns that still exist. */
export const copyOldRelationColumns = {
  name: 'live-chat::0.2.0-crm-relations-to-link-tables',
  async up(trx: Knex, db: SchemaAware) {
    // A knex schema builder collects statements: one fresh builder per question.
    const schema = () => db.getSchemaConnection(trx);
    for (const moved of MOVED) {
      const table = tableName(moved.pluralName);
      const column = `${moved.attribute}_id`;
      if (!(await schema().hasTable(table)) || !(await schema().hasColumn(table, column))) continue;
      if (!(await schema().hasTable(HOLDING_TABLE))) {
        await schema().createTable(HOLDING_TABLE, (holding) => {
          holding.string('type').notNullable();
          holding.string('attribute').notNullable();
          holding.integer('entity_id').notNullable();
          holding.integer('target_id').notNullable();
        });
      }
      const rows: Array<{ id: number; target: number }> = await inSchema(trx, db, table)
        .whereNotNull(column)
        .select('id', `${column} as target`);
      for (let start = 0; start < rows.length; start += 500) {
        await inSchema(trx, db, HOLDING_TABLE).insert(
          rows.slice(start, start + 500).map((row) => ({ type: moved.type, attribute: moved.attribute, entity_id: row.id, target_id: row.target })),
        );
      }
    }
  },
  async down() {
    throw new Error('not implemented');
  },
};

/** Runs in bootstrap, after the sync created the link tables: links what the migration held, once. */
export async function linkHeldRelations(strapi: Core.Strapi): Promise<void> {
  if (!(await strapi.db.getSchemaConnection().hasTable(HOLDING_TABLE))) return;
  const held: Array<{ type: ContentTypeName; attribute: string; entity_id: number; target_id: number }> = await strapi.db
    .getConnection(HOLDING_TABLE)
    .select('type', 'attribute', 'entity_id', 'target_id');
  await strapi.db.transaction(async () => {
    for (const row of held) {
      const target = MOVED.find((moved) => moved.type === row.type && moved.attribute === row.attribute);
      if (!target) continue;
      await strapi.db.query(uid(target.type)).update({ where: { id: row.entity_id }, data: { [row.attribute]: row.target_id } });
    }
  });
  // Dropped only after the links committed: a crash in between leaves the rows to link on next start.
  await strapi.db.getSchemaConnection().dropTable(HOLDING_TABLE);
}
