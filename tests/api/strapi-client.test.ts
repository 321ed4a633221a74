import { strapi as createClient, HTTPBadRequestError } from '@strapi/client';
import { createApiToken } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { listen } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F1 / G1: Strapi's official JS client, unmodified, works the plugin's content API through an API
 * token. A plugin's collection is addressed with `collection(name, { plugin: { name: 'live-chat' } })`,
 * the client's supported way to reach /api/<plugin>/<name> (docs/api.md).
 */
let app: TestApp;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  app = await bootStrapi();
  const baseUrl = await listen(app);
  client = createClient({ baseURL: `${baseUrl}/api`, auth: await createApiToken(app, 'full-access') });
});
afterAll(async () => {
  await app.stop();
});

const liveChat = (name: string) => client.collection(name, { plugin: { name: 'live-chat' } });

describe('F1: @strapi/client against the plugin', () => {
  it('creates, finds, updates and deletes a lead with relations by documentId and populate', async () => {
    const persons = liveChat('persons');
    const leads = liveChat('leads');
    const ada = await persons.create({ name: 'Ada', email: 'ada@example.com' });
    const bea = await persons.create({ name: 'Bea' });
    const { documentId: conversation } = await startConversation(app);

    const created = await leads.create(
      { title: 'From the client', value: 300, currency: 'EUR', person: ada.data.documentId, conversation: { connect: [conversation] } },
      { populate: ['person', 'conversation'] },
    );
    expect(created.data).toMatchObject({
      title: 'From the client',
      person: { documentId: ada.data.documentId, name: 'Ada' },
      conversation: { documentId: conversation },
    });

    const found = await leads.find({
      filters: { person: { email: { $eq: 'ada@example.com' } } },
      populate: { person: { fields: ['name'] } },
    });
    expect(found.data.map((lead) => lead.documentId)).toEqual([created.data.documentId]);
    expect(found.data[0].person).toEqual({ id: expect.any(Number), documentId: ada.data.documentId, name: 'Ada' });
    expect(found.meta.pagination).toMatchObject({ page: 1, total: 1 });

    const updated = await leads.update(
      created.data.documentId,
      { status: 'qualified', person: { set: [bea.data.documentId] }, conversation: null },
      { populate: '*' },
    );
    expect(updated.data).toMatchObject({ status: 'qualified', person: { documentId: bea.data.documentId }, conversation: null });

    const one = await leads.findOne(created.data.documentId, { populate: { person: { populate: '*' } } });
    expect(one.data.person).toMatchObject({ documentId: bea.data.documentId, leads: [{ documentId: created.data.documentId }] });

    await leads.delete(created.data.documentId);
    await expect(leads.findOne(created.data.documentId)).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('surfaces a bad relation as the client\'s HTTPBadRequestError, with nothing written', async () => {
    const leads = liveChat('leads');
    const before = (await leads.find()).meta.pagination?.total;
    const failure = await leads.create({ title: 'Nobody', person: 'nosuchdocument0000000000' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HTTPBadRequestError);
    expect(await (failure as HTTPBadRequestError).response.json()).toMatchObject({ error: { status: 400, name: 'ValidationError' } });
    expect((await leads.find()).meta.pagination?.total).toBe(before);
  });

  it('reaches the conversation actions through the client\'s fetch', async () => {
    const { documentId } = await startConversation(app);
    const response = await client.fetch(`/live-chat/conversations/${documentId}/close`, {
      method: 'POST',
      body: JSON.stringify({ data: { actingAgentId: 424242 } }),
    }).catch((error: unknown) => error);
    // No such agent: the client maps the plugin's 400 to its own error type.
    expect(response).toBeInstanceOf(HTTPBadRequestError);
  });
});
