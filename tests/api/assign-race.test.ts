import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
let agents: TestAdmin[];

beforeAll(async () => {
  app = await bootStrapi();
  agents = [];
  for (let i = 0; i < 20; i += 1) agents.push(await createAgent(app, `Racer${i}`));
});
afterAll(async () => {
  await app.stop();
});

describe('B3 two agents clicking at once: exactly one wins', () => {
  it('20 concurrent "assign to me" calls: one 200, nineteen 409 already_assigned, one assignee stored', async () => {
    const { id, documentId } = await startConversation(app);
    const responses = await Promise.all(
      agents.map((agent) => app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(agent.token))),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(loser.body.error).toMatchObject({ status: 409, name: 'ConflictError', details: { code: 'already_assigned' } });
      // The conflict names no one and shows nothing of the chat (B6).
      expect(loser.body.data).toBeNull();
    }

    const winner = agents[responses.findIndex((response) => response.status === 200)];
    const stored = await app.strapi.db.query(uid('conversation')).findOne({ where: { id }, populate: ['assignee'] });
    expect(stored).toMatchObject({ status: 'assigned', assignee: { id: winner.id } });
    const joins = await app.strapi.db.query(uid('message')).count({ where: { conversation: id, kind: 'event' } });
    expect(joins).toBe(2); // conversation_created + exactly one agent_joined
  });
});
