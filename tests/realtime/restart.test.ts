import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { VisitorConversation } from '../../plugins/live-chat/shared/events';
import { bearer } from '../harness/admin';
import { createAgent } from '../harness/admin';
import { connect, disconnectAll, listen, request } from '../harness/sockets';
import { visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** E2: after a server restart both sides catch up from the database, nothing lost or doubled. */
let app: TestApp | null = null;

afterAll(async () => {
  disconnectAll();
  await app?.stop();
});

const bodies = (entries: TimelineEntry[]) => entries.filter((entry) => entry.kind === 'text').map((entry) => entry.body);

describe('E2 server restart mid-conversation', () => {
  it('lets the visitor and the agent resume with every message exactly once, in order', async () => {
    const first = await bootStrapi();
    const firstUrl = await listen(first);
    const agent = await createAgent(first, 'Ada');
    const token = await visitorToken(first);
    const visitor = await connect(firstUrl, 'visitor', token);
    const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const { documentId } = started.data;
    await first.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(agent.token));
    const agentSocket = await connect(firstUrl, 'agent', agent.token);
    await request(visitor, 'message:send', { clientId: 'before-restart-1', body: 'v1' });
    await request(agentSocket, 'message:send', { documentId, clientId: 'before-restart-2', body: 'a1' });
    const visitorHad = await request<{ entries: TimelineEntry[] }>(visitor, 'sync', { afterSeq: 0 });
    const visitorLastSeq = visitorHad.ok ? Math.max(...visitorHad.data.entries.map((entry) => entry.seq)) : -1;

    disconnectAll();
    await first.stopKeepingData();
    app = await bootStrapi({ database: first.database, secrets: first.secrets });
    const url = await listen(app);

    // The same tokens work after the restart (E4): the visitor resumes, the admin session is stored.
    const visitorBack = await connect(url, 'visitor', token);
    const agentBack = await connect(url, 'agent', agent.token);
    // A message the visitor retries because the old server died before its ack: stored once.
    await request(visitorBack, 'message:send', { clientId: 'before-restart-1', body: 'v1' });
    await request(visitorBack, 'message:send', { clientId: 'after-restart-1', body: 'v2' });
    await request(agentBack, 'message:send', { documentId, clientId: 'after-restart-2', body: 'a2' });

    const visitorCatchUp = await request<{ entries: TimelineEntry[] }>(visitorBack, 'sync', { afterSeq: visitorLastSeq });
    expect(visitorCatchUp.ok && bodies(visitorCatchUp.data.entries)).toEqual(['v2', 'a2']);
    const agentAll = await request<{ entries: TimelineEntry[] }>(agentBack, 'sync', { documentId, afterSeq: 0 });
    expect(agentAll.ok && bodies(agentAll.data.entries)).toEqual(['v1', 'a1', 'v2', 'a2']);
    const seqs = agentAll.ok ? agentAll.data.entries.map((entry) => entry.seq) : [];
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});
