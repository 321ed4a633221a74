import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * B6 on every admin route: agent A, agent B, an admin whose role may see all conversations, and a
 * role without inbox access, against an unassigned chat, one assigned to A, one to B, one closed.
 */
let app: TestApp;
let viewers: Record<'agentA' | 'agentB' | 'seeAll' | 'noInbox', TestAdmin>;
let chats: Record<'unassigned' | 'ofA' | 'ofB' | 'closed', string>;

beforeAll(async () => {
  app = await bootStrapi();
  viewers = {
    agentA: await createAdmin(app, ['useInbox'], 'AgentA'),
    agentB: await createAdmin(app, ['useInbox'], 'AgentB'),
    seeAll: await createAdmin(app, ['useInbox', 'seeAllConversations'], 'Supervisor'),
    noInbox: await createAdmin(app, ['managePlaybooks'], 'Editor'),
  };
  const take = async (agent: TestAdmin) => {
    const { documentId } = await startConversation(app);
    expect((await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(agent.token))).status).toBe(200);
    return documentId;
  };
  const unassigned = (await startConversation(app)).documentId;
  const ofA = await take(viewers.agentA);
  const ofB = await take(viewers.agentB);
  const closed = await take(viewers.agentA);
  expect((await app.http().post(`/live-chat/conversations/${closed}/close`).set(bearer(viewers.agentA.token))).status).toBe(200);
  chats = { unassigned, ofA, ofB, closed };
});
afterAll(async () => {
  await app.stop();
});

type Viewer = keyof typeof viewers;
type Chat = keyof typeof chats;

const CAN_SEE: Record<Exclude<Viewer, 'noInbox'>, Chat[]> = {
  agentA: ['unassigned', 'ofA', 'closed'],
  agentB: ['unassigned', 'ofB', 'closed'],
  seeAll: ['unassigned', 'ofA', 'ofB', 'closed'],
};

const READ_ROUTES: Array<[string, (app: TestApp, documentId: string, token: string) => Promise<{ status: number }>]> = [
  ['GET one', (a, id, token) => a.http().get(`/live-chat/conversations/${id}`).set(bearer(token))],
  ['GET messages', (a, id, token) => a.http().get(`/live-chat/conversations/${id}/messages`).set(bearer(token))],
  ['PUT side panel', (a, id, token) => a.http().put(`/live-chat/conversations/${id}/side-panel`).set(bearer(token)).send({ notes: 'seen' })],
];

describe('B6 visibility matrix', () => {
  for (const viewer of ['agentA', 'agentB', 'seeAll'] as const) {
    for (const chat of ['unassigned', 'ofA', 'ofB', 'closed'] as const) {
      const visible = CAN_SEE[viewer].includes(chat);
      it(`${viewer} ${visible ? 'reads' : 'gets 404 for'} the ${chat} conversation on every read route`, async () => {
        for (const [, call] of READ_ROUTES) {
          const response = await call(app, chats[chat], viewers[viewer].token);
          expect(response.status).toBe(visible ? 200 : 404);
        }
      });
    }
  }

  it('a role without inbox access is refused on every inbox route (403), whatever the conversation', async () => {
    for (const chat of Object.values(chats)) {
      for (const [, call] of READ_ROUTES) {
        expect((await call(app, chat, viewers.noInbox.token)).status).toBe(403);
      }
      const assign = await app.http().post(`/live-chat/conversations/${chat}/assign`).set(bearer(viewers.noInbox.token));
      expect(assign.status).toBe(403);
    }
    expect((await app.http().get('/live-chat/conversations').set(bearer(viewers.noInbox.token))).status).toBe(403);
  });

  const folderOf = async (viewer: Viewer, folder: string) => {
    const response = await app.http().get(`/live-chat/conversations?folder=${folder}`).set(bearer(viewers[viewer].token));
    expect(response.status).toBe(200);
    return new Set(response.body.data.map((row: { documentId: string }) => row.documentId));
  };
  const setOf = (...names: Chat[]) => new Set(names.map((name) => chats[name]));

  it('lists exactly the allowed conversations in each folder', async () => {
    expect(await folderOf('agentA', 'unassigned')).toEqual(setOf('unassigned'));
    expect(await folderOf('agentA', 'mine')).toEqual(setOf('ofA'));
    expect(await folderOf('agentA', 'assigned')).toEqual(setOf('ofA'));
    expect(await folderOf('agentA', 'closed')).toEqual(setOf('closed'));
    expect(await folderOf('agentB', 'mine')).toEqual(setOf('ofB'));
    expect(await folderOf('agentB', 'assigned')).toEqual(setOf('ofB'));
    expect(await folderOf('seeAll', 'mine')).toEqual(setOf());
    expect(await folderOf('seeAll', 'assigned')).toEqual(setOf('ofA', 'ofB'));
    expect(await folderOf('seeAll', 'closed')).toEqual(setOf('closed'));
  });

  it('never finds a hidden conversation by searching for its visitor', async () => {
    const response = await app.http().get('/live-chat/conversations?folder=assigned&search=visitor').set(bearer(viewers.agentA.token));
    expect(new Set(response.body.data.map((row: { documentId: string }) => row.documentId))).toEqual(setOf('ofA'));
  });

  it('counts only what each viewer may see', async () => {
    const counts = async (viewer: Viewer) =>
      (await app.http().get('/live-chat/conversations').set(bearer(viewers[viewer].token))).body.meta.counts;
    expect(await counts('agentA')).toEqual({ unassigned: 1, mine: 1, assigned: 1, closed: 1 });
    expect(await counts('seeAll')).toEqual({ unassigned: 1, mine: 0, assigned: 2, closed: 1 });
  });
});
