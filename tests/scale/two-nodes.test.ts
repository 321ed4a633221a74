import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { connect, disconnectAll, nextEvent, record, request, settle } from '../harness/sockets';
import { startCluster, type Cluster } from './nodes';

/**
 * F3: two Strapi processes on one PostgreSQL database joined by the Redis adapter. The visitor is
 * on node 1, the agent on node 2; everything still reaches everyone, and timers fire once.
 */
jest.setTimeout(180_000);

let cluster: Cluster;
let agentToken: string;
let agentSocket: Socket;

const post = async (url: string, path: string, body: object, token?: string) => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data: { token: string } } };
};

beforeAll(async () => {
  cluster = await startCluster(2, 20_000 + (process.pid % 1000) * 4);
  // The first admin of a fresh installation registers itself (a super admin: an agent who sees all).
  const registered = await post(cluster.urls[0], '/admin/register-admin', {
    firstname: 'Ada',
    lastname: 'Agent',
    email: 'ada@scale.test',
    password: 'Scale-Test-Pass-1',
  });
  if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${JSON.stringify(registered.body)}`);
  agentToken = registered.body.data.token;
  agentSocket = await connect(cluster.urls[1], 'agent', agentToken);
});

afterAll(async () => {
  disconnectAll();
  await cluster?.stop();
});

async function visitorOnNode1() {
  const session = await post(cluster.urls[0], '/live-chat/widget/session', {});
  const visitor = await connect(cluster.urls[0], 'visitor', session.body.data.token);
  const created = nextEvent<{ documentId: string; status: string }>(agentSocket, 'conversation:upsert');
  const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  return { visitor, documentId: started.data.documentId, created };
}

describe('F3 two processes, PostgreSQL + Redis', () => {
  it('carries the whole chat across nodes: new conversation, join, messages both ways, typing', async () => {
    const { visitor, documentId, created } = await visitorOnNode1();
    expect(await created).toMatchObject({ documentId, status: 'unassigned' });

    const joined = nextEvent<{ agentName: string }>(visitor, 'agent:joined');
    const assigned = await post(cluster.urls[1], `/live-chat/conversations/${documentId}/assign`, {}, agentToken);
    expect(assigned.status).toBe(200);
    expect(await joined).toEqual({ agentName: 'Ada Agent' });

    const atAgent = nextEvent<{ documentId: string; entry: TimelineEntry }>(agentSocket, 'timeline:entry', (p) => p.entry.body === 'from node 1');
    expect(await request(visitor, 'message:send', { clientId: 'scale-visitor-01', body: 'from node 1' })).toMatchObject({ ok: true });
    expect((await atAgent).documentId).toBe(documentId);

    const atVisitor = nextEvent<TimelineEntry>(visitor, 'timeline:entry', (entry) => entry.body === 'from node 2');
    expect(await request(agentSocket, 'message:send', { documentId, clientId: 'scale-agent-001', body: 'from node 2' })).toMatchObject({ ok: true });
    expect((await atVisitor).authorName).toBe('Ada Agent');

    const typing = nextEvent<{ typing: boolean }>(visitor, 'typing');
    await request(agentSocket, 'typing', { documentId, typing: true });
    expect(await typing).toEqual({ typing: true });
  });

  it('fires a passed wait deadline once, though both nodes sweep it', async () => {
    const { visitor, documentId } = await visitorOnNode1();
    const offline = record<unknown>(visitor, 'conversation:offline');
    const pg = await cluster.pg();
    try {
      await pg.query(`UPDATE live_chat_conversations SET wait_deadline_at = now() - interval '1 second' WHERE document_id = $1`, [documentId]);
      await settle(3500); // both nodes sweep every second
      const missed = await pg.query(
        `SELECT count(*)::int AS n FROM live_chat_messages m JOIN live_chat_conversations c ON c.id = m.conversation_id
         WHERE c.document_id = $1 AND m.kind = 'event' AND m.event::text LIKE '%"missed"%'`,
        [documentId],
      );
      expect(missed.rows[0].n).toBe(1);
    } finally {
      await pg.end();
    }
    expect(offline).toHaveLength(1);
  });
});
