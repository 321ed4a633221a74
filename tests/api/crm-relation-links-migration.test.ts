import { uid } from '../../plugins/live-chat/shared/constants';
import { copyOldRelationColumns } from '../../plugins/live-chat/server/src/migrations/crm-relation-links';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F4 ("never a lost record"): a database written by 0.1.0 kept the CRM relations as foreign-key
 * columns; the first start of this version moves them into Strapi's link tables (the content API
 * writes those by documentId, F1). The old layout is recreated by hand, then the app starts again.
 */
let app: TestApp | undefined;
afterAll(async () => {
  await app?.stop();
});

describe('F4: CRM relations of a 0.1.0 database survive the move to link tables', () => {
  it('links what the old person_id / organization_id / conversation_id columns held', async () => {
    const first = await bootStrapi();
    app = first;
    const { strapi } = first;
    const person = await strapi.db.query(uid('person')).create({ data: { name: 'Old Person' } });
    const organization = await strapi.db.query(uid('organization')).create({ data: { name: 'Old Org' } });
    const lead = await strapi.db.query(uid('lead')).create({ data: { title: 'Old lead' } });
    const activity = await strapi.db.query(uid('activity')).create({ data: { subject: 'Old activity' } });

    // 0.1.0's layout: the relation in a column of the record's own table, and the move not yet run.
    const schema = () => strapi.db.getSchemaConnection();
    await schema().alterTable('live_chat_leads', (table) => {
      table.integer('person_id');
      table.integer('organization_id');
    });
    await schema().alterTable('live_chat_activities', (table) => table.integer('person_id'));
    await strapi.db.getConnection('live_chat_leads').where({ id: lead.id }).update({ person_id: person.id, organization_id: organization.id });
    await strapi.db.getConnection('live_chat_activities').where({ id: activity.id }).update({ person_id: person.id });
    await strapi.db.getConnection('strapi_migrations_internal').where({ name: copyOldRelationColumns.name }).delete();

    await first.stopKeepingData();
    app = await bootStrapi({ database: first.database, secrets: first.secrets });
    const moved = await app.strapi.db.query(uid('lead')).findOne({ where: { id: lead.id }, populate: ['person', 'organization'] });
    expect(moved.person).toMatchObject({ id: person.id });
    expect(moved.organization).toMatchObject({ id: organization.id });
    const movedActivity = await app.strapi.db.query(uid('activity')).findOne({ where: { id: activity.id }, populate: ['person'] });
    expect(movedActivity.person).toMatchObject({ id: person.id });
    expect(await app.strapi.db.getSchemaConnection().hasTable('live_chat_relation_moves')).toBe(false);
  });
});
