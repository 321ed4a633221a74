import { uid } from '../../plugins/live-chat/shared/constants';
import { SEARCH_TABLES } from '../../plugins/live-chat/server/src/migrations/search-index';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { agentMessages, appendToTimeline, startConversation, type StartedConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G5, B5, B6: the inbox search finds chats by the visitor's and the side panel's names and emails and
 * by the words of their messages, through the databases' full-text indexes, and only chats the
 * searching agent may see.
 */
let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;
let supervisor: TestAdmin;
let chats: Record<'quote' | 'refund' | 'ofBjorn' | 'named', StartedConversation>;

const as = (agent: TestAdmin) => (path: string) => app.http().get(`/live-chat${path}`).set(bearer(agent.token));
const found = async (agent: TestAdmin, search: string, folder = 'unassigned') => {
  const response = await as(agent)(`/conversations?folder=${folder}&limit=50&search=${encodeURIComponent(search)}`);
  expect(response.status).toBe(200);
  return response.body.data.map((row: { documentId: string }) => row.documentId) as string[];
};
const say = (chat: StartedConversation, text: string) =>
  appendToTimeline(app, chat.documentId, agentMessages('x', 1).map((entry) => ({ ...entry, body: text })));

beforeAll(async () => {
  app = await bootStrapi();
  ada = await createAdmin(app, ['useInbox'], 'Ada');
  bjorn = await createAdmin(app, ['useInbox'], 'Bjorn');
  supervisor = await createAdmin(app, ['useInbox', 'seeAllConversations'], 'Supervisor');
  chats = {
    quote: await startConversation(app, { name: 'Quinn Visitor', email: 'quinn@example.com' }),
    refund: await startConversation(app, { name: 'Rita Visitor', email: 'rita@example.com' }),
    ofBjorn: await startConversation(app, { name: 'Hidden Visitor', email: 'hidden@example.com' }),
    named: await startConversation(app, { name: 'Visitor', email: null as unknown as string }),
  };
  await say(chats.quote, 'Could I get a quotation for 40 Stühle, order #48213?');
  await say(chats.refund, 'I would like a refund for the broken lamp.');
  await say(chats.ofBjorn, 'A secret quotation nobody else should find.');
  const assigned = await app.http().post(`/live-chat/conversations/${chats.ofBjorn.documentId}/assign`).set(bearer(bjorn.token));
  expect(assigned.status).toBe(200);
});
afterAll(async () => {
  await app.stop();
});

describe('G5: search by the words of the messages', () => {
  it('finds a chat by a word of its messages, by its beginning, in any case', async () => {
    expect(await found(ada, 'quotation')).toEqual([chats.quote.documentId]);
    expect(await found(ada, 'QUOT')).toEqual([chats.quote.documentId]);
    expect(await found(ada, 'broken lamp')).toEqual([chats.refund.documentId]);
    expect(await found(ada, '48213')).toEqual([chats.quote.documentId]);
    expect(await found(ada, 'stühle')).toEqual([chats.quote.documentId]);
  });

  it('needs every word: two words of different chats find neither', async () => {
    expect(await found(ada, 'quotation lamp')).toEqual([]);
  });

  it('finds a message written after the search index was built, at once', async () => {
    expect(await found(ada, 'zeppelin')).toEqual([]);
    await say(chats.refund, 'Actually the zeppelin model, not the lamp.');
    expect(await found(ada, 'zeppelin')).toEqual([chats.refund.documentId]);
  });

  it('B6: never finds a chat the agent may not see, whatever its messages say', async () => {
    expect(await found(ada, 'secret', 'assigned')).toEqual([]);
    expect(await found(bjorn, 'secret', 'mine')).toEqual([chats.ofBjorn.documentId]);
    expect(await found(supervisor, 'secret', 'assigned')).toEqual([chats.ofBjorn.documentId]);
  });

  it("reads the search's words only: query syntax, quotes and punctuation are plain text", async () => {
    for (const search of ['"', '*', 'quot*', 'NEAR(quotation lamp)', 'quotation OR lamp', "'; drop table x; --", ':*', '!&|()', '\\']) {
      const response = await as(ada)(`/conversations?folder=unassigned&search=${encodeURIComponent(search)}`);
      expect({ search, status: response.status }).toEqual({ search, status: 200 });
    }
    expect(await found(ada, 'quotation OR lamp')).toEqual([]);
    expect(await found(ada, '"quot"')).toEqual([chats.quote.documentId]);
    expect(await found(ada, '!!!')).toEqual([]);
  });
});

describe('G5: search by names and emails', () => {
  it("finds the visitor's name and email by their beginnings", async () => {
    expect(await found(ada, 'quinn')).toEqual([chats.quote.documentId]);
    expect(await found(ada, 'rita@exa')).toEqual([chats.refund.documentId]);
  });

  it('finds a name recorded later in the side panel, and forgets the one it replaced', async () => {
    const put = (body: object) =>
      app.http().put(`/live-chat/conversations/${chats.named.documentId}/side-panel`).set(bearer(supervisor.token)).send(body);
    expect((await put({ personName: 'Jane Roe', personEmail: 'jane.roe@example.org' })).status).toBe(200);
    expect(await found(ada, 'roe jane')).toEqual([chats.named.documentId]);
    expect(await found(ada, 'jane.roe@example.org')).toEqual([chats.named.documentId]);
    expect((await put({ personName: 'Janet Smith', personEmail: null })).status).toBe(200);
    expect(await found(ada, 'roe')).toEqual([]);
    expect(await found(ada, 'smith')).toEqual([chats.named.documentId]);
  });

  it("finds a visitor's chats again after the visitor's own name changes", async () => {
    await app.strapi.db.query(uid('visitor')).update({ where: { id: chats.refund.visitorId }, data: { name: 'Ronja Renamed' } });
    expect(await found(ada, 'ronja')).toEqual([chats.refund.documentId]);
    expect(await found(ada, 'rita Visitor')).toEqual([]);
  });
});

describe('G5: the index itself', () => {
  it('is rebuilt from the stored rows when it is missing (a new install or an upgrade)', async () => {
    const restarted = app;
    if (app.strapi.db.dialect.client === 'sqlite') {
      await app.strapi.db.connection.raw(`drop table ${SEARCH_TABLES.messages}`);
    } else {
      // Dropping the column drops its index with it.
      await app.strapi.db.connection.raw('alter table live_chat_messages drop column search_words');
    }
    await restarted.stopKeepingData();
    app = await bootStrapi({ database: restarted.database, secrets: restarted.secrets });
    expect(await found(ada, 'quotation')).toEqual([chats.quote.documentId]);
    expect(await found(ada, 'zeppelin')).toEqual([chats.refund.documentId]);
  });

  it('is used by the database: the message search reads the index, not the messages table', async () => {
    const knex = app.strapi.db.connection;
    if (app.strapi.db.dialect.client === 'sqlite') {
      const plan = await knex.raw(`explain query plan select rowid from ${SEARCH_TABLES.messages} where ${SEARCH_TABLES.messages} match ?`, ['"quot"*']);
      expect(JSON.stringify(plan)).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      await knex.raw('set enable_seqscan = off');
      const plan = await knex.raw(
        "explain select id from live_chat_messages where search_words @@ to_tsquery('simple', 'quot:*')",
      );
      await knex.raw('reset enable_seqscan');
      expect(JSON.stringify(plan.rows)).toMatch(/live_chat_messages_search_idx/);
    }
  });
});
