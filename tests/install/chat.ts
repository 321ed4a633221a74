import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import { connect, nextEvent, request } from '../harness/sockets';
import { json } from './http';

interface PlaybookDetail {
  documentId: string;
  active: boolean;
  cards: { kind: string }[];
}

interface FlowStep {
  show: { kind: string }[];
  awaiting: string;
  phase: string;
  conversationDocumentId: string | null;
}

/**
 * A playbook as an admin makes one in the editor: from the Live Chat template (greeting, Live Chat
 * card, offline branch), active, then published. Returns its documentId.
 */
export async function publishLiveChatPlaybook(baseUrl: string, adminToken: string): Promise<string> {
  const created = await json<{ data: PlaybookDetail }>(`${baseUrl}/live-chat/playbooks`, { token: adminToken, body: { name: 'Website', template: 'live_chat' } });
  expect(created.status).toBe(201);
  expect(created.body.data.active).toBe(true);
  expect(created.body.data.cards.map((card) => card.kind)).toContain('live_chat');
  const { documentId } = created.body.data;
  const published = await json(`${baseUrl}/live-chat/playbooks/${documentId}/publish`, { token: adminToken, method: 'POST', body: {} });
  expect(published.status).toBe(200);
  return documentId;
}

/**
 * E2 + B1 + B4 through the installed package: an agent online in the inbox's socket, a visitor on
 * the site whose flow reaches the Live Chat card, the agent takes the chat, one message each way.
 * The visitor's requests carry the site's Origin, so LIVE_CHAT_WIDGET_ORIGINS is what lets them in.
 */
export async function chatRoundTrip(baseUrl: string, adminToken: string, siteOrigin: string, agentName: string) {
  const playbookDocumentId = await publishLiveChatPlaybook(baseUrl, adminToken);
  const agent = await connect(baseUrl, 'agent', adminToken);
  const online = await json(`${baseUrl}/live-chat/availability`, { token: adminToken, method: 'PUT', body: { availability: 'online' } });
  expect(online.status).toBe(200);

  const fromSite = { Origin: siteOrigin };
  const session = await json<{ data: { token: string } }>(`${baseUrl}/live-chat/widget/session`, { headers: fromSite, body: { language: 'en' } });
  expect(session.status).toBe(200);
  const visitorToken = session.body.data.token;

  const upserted = nextEvent<{ documentId: string; status: string }>(agent, 'conversation:upsert');
  const step = await json<{ data: FlowStep }>(`${baseUrl}/live-chat/widget/flow`, {
    token: visitorToken,
    headers: fromSite,
    body: { playbookDocumentId, page: `${siteOrigin}/index.html`, input: { type: 'start' } },
  });
  expect(step.status).toBe(200);
  expect(step.body.data).toMatchObject({ awaiting: 'agent', phase: 'waiting_for_agent', conversationDocumentId: expect.any(String) });
  expect(step.body.data.show.map((item) => item.kind)).toContain('live_chat_online');
  const documentId = step.body.data.conversationDocumentId as string;
  expect(await upserted).toMatchObject({ documentId, status: 'unassigned' });

  const visitor = await connect(baseUrl, 'visitor', visitorToken, { extraHeaders: fromSite });
  const joined = nextEvent<{ agentName: string }>(visitor, 'agent:joined');
  const assigned = await json(`${baseUrl}/live-chat/conversations/${documentId}/assign`, { token: adminToken, method: 'POST', body: {} });
  expect(assigned.status).toBe(200);
  expect(await joined).toEqual({ agentName });

  const atAgent = nextEvent<{ documentId: string; entry: TimelineEntry }>(agent, 'timeline:entry', (p) => p.entry.body === 'Hello from the site');
  expect(await request(visitor, 'message:send', { clientId: 'install-visitor-1', body: 'Hello from the site' })).toMatchObject({ ok: true });
  expect((await atAgent).documentId).toBe(documentId);

  const atVisitor = nextEvent<TimelineEntry>(visitor, 'timeline:entry', (entry) => entry.body === 'Hello from the inbox');
  expect(await request(agent, 'message:send', { documentId, clientId: 'install-agent-01', body: 'Hello from the inbox' })).toMatchObject({ ok: true });
  expect(await atVisitor).toMatchObject({ authorKind: 'agent', authorName: agentName });
}

/** F4/E1: a page of a site not in LIVE_CHAT_WIDGET_ORIGINS cannot open the visitor socket. */
export async function expectForeignSiteRefused(baseUrl: string) {
  const session = await json<{ data: { token: string } }>(`${baseUrl}/live-chat/widget/session`, { body: {} });
  expect(session.status).toBe(200);
  await expect(connect(baseUrl, 'visitor', session.body.data.token, { extraHeaders: { Origin: 'https://not-the-site.example' } })).rejects.toThrow(
    'origin_not_allowed',
  );
}
