/**
 * Every Socket.IO event of both namespaces (shared/events.ts), as every principal: the widget's
 * events act on the visitor's own conversation only (no event names one, E4); the inbox's events
 * name a conversation and answer as the REST routes do (B6).
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { AGENT_CLIENT_EVENTS, VISITOR_CLIENT_EVENTS, type NAMESPACES } from '../../../plugins/live-chat/shared/events';
import { connect, request } from '../../harness/sockets';
import type { Cell, Outcome } from './cells';
import type { MatrixContext } from './plugin-routes';
import { ADMIN_SESSIONS, PRINCIPALS, type PrincipalName } from './principals';
import { AGENTS, inboxAnswer, type InboxAction } from './rules';
import { CHATS, type Chat } from './world';

type Namespace = keyof typeof NAMESPACES;

/** Who may open each namespace: a visitor's signed token, or an admin session that may use the inbox. */
export function connectionAnswer(namespace: Namespace, principal: PrincipalName): Outcome {
  if (namespace === 'visitor') return principal.startsWith('visitor') ? 'ok' : 'unauthenticated';
  // Admin tokens open no socket: it takes admin panel sessions only.
  if (!ADMIN_SESSIONS.includes(principal)) return 'unauthenticated';
  return AGENTS[principal] ? 'ok' : 'forbidden';
}

const AGENT_EVENT_ACTIONS: Record<(typeof AGENT_CLIENT_EVENTS)[number], InboxAction> = {
  'message:send': 'send',
  sync: 'read',
  typing: 'read',
  read: 'read',
};

const ackOutcome = (ack: { ok: boolean; error?: { code: string } }): Outcome => {
  if (ack.ok) return 'ok';
  const code = ack.error?.code;
  return code === 'not_found' ? 'hidden' : code === 'not_allowed' ? 'forbidden' : code === 'internal_error' ? 'error' : 'refused';
};

/** The socket cells; the sockets they open are closed by the harness's disconnectAll(). */
export function socketCells(context: MatrixContext): Cell[] {
  const { who, world, baseUrl } = context;
  const sockets = new Map<string, Promise<Socket | Outcome>>();
  /** One socket per principal and namespace, opened when first needed; a refusal is its outcome. */
  const socketOf = (namespace: Namespace, principal: PrincipalName) => {
    const key = `${namespace}:${principal}`;
    if (!sockets.has(key)) {
      sockets.set(
        key,
        connect(baseUrl, namespace, who[principal].bearer).catch((error: Error): Outcome =>
          error.message === 'unauthorized' ? 'unauthenticated' : error.message === 'not_allowed' ? 'forbidden' : 'error',
        ),
      );
    }
    return sockets.get(key) as Promise<Socket | Outcome>;
  };
  const emit = async (namespace: Namespace, principal: PrincipalName, event: string, payload: object, check?: (data: unknown) => boolean) => {
    const socket = await socketOf(namespace, principal);
    if (typeof socket === 'string') return socket;
    const ack = await request(socket, event, payload);
    const outcome = ackOutcome(ack);
    return outcome === 'ok' && check && !check((ack as { data: unknown }).data) ? 'leaks' : outcome;
  };

  const cells: Cell[] = [];
  for (const principal of PRINCIPALS) {
    for (const namespace of ['visitor', 'agent'] as const) {
      cells.push({
        family: 'sockets',
        route: `connect ${namespace}`,
        target: '-',
        principal,
        expected: connectionAnswer(namespace, principal),
        run: async () => {
          const socket = await socketOf(namespace, principal);
          return typeof socket === 'string' ? socket : 'ok';
        },
      });
    }
    // The visitor's own conversation: A's is assigned to agent A, B's to agent B.
    const own = principal === 'visitorA' ? world.chats.ofAgentA : principal === 'visitorB' ? world.chats.ofAgentB : '';
    const isOwn = (data: unknown) => {
      const conversation = (data as { conversation?: { documentId?: string }; documentId?: string } | null) ?? {};
      const documentId = 'conversation' in conversation ? conversation.conversation?.documentId : conversation.documentId;
      return documentId === undefined || documentId === own;
    };
    const visitorPayloads: Record<(typeof VISITOR_CLIENT_EVENTS)[number], () => object> = {
      'conversation:start': () => ({}),
      'conversation:get': () => ({}),
      'message:send': () => ({ clientId: `matrix-${randomUUID()}`, body: 'Hello from the matrix' }),
      sync: () => ({ afterSeq: 0 }),
      typing: () => ({ typing: true }),
      read: () => ({ seq: 1 }),
      'rating:submit': () => ({ score: 5, comment: 'Matrix' }),
      'rating:dismiss': () => ({}),
    };
    // Issue 16: the visitor's own chat is open, so a rating is refused (409) even to its visitor.
    const RATING_EVENTS: readonly string[] = ['rating:submit', 'rating:dismiss'];
    for (const event of VISITOR_CLIENT_EVENTS) {
      const connection = connectionAnswer('visitor', principal);
      cells.push({
        family: 'sockets',
        route: `visitor ${event}`,
        target: 'own conversation',
        principal,
        expected: connection === 'ok' && RATING_EVENTS.includes(event) ? 'refused' : connection,
        run: () => emit('visitor', principal, event, visitorPayloads[event](), isOwn),
      });
    }
    for (const event of AGENT_CLIENT_EVENTS) {
      for (const chat of CHATS) {
        const connection = connectionAnswer('agent', principal);
        const documentId = world.chats[chat as Chat];
        const payloads: Record<(typeof AGENT_CLIENT_EVENTS)[number], object> = {
          'message:send': { documentId, clientId: `matrix-${randomUUID()}`, body: 'Agent here' },
          sync: { documentId, afterSeq: 0 },
          typing: { documentId, typing: true },
          read: { documentId, seq: 1 },
        };
        cells.push({
          family: 'sockets',
          route: `agent ${event}`,
          target: chat,
          principal,
          expected: connection === 'ok' ? inboxAnswer(AGENTS[principal]!, AGENT_EVENT_ACTIONS[event], chat) : connection,
          run: () => emit('agent', principal, event, payloads[event]),
        });
        if (event === 'message:send') {
          // G3: the same event with `audience: 'agents'` writes an internal note, under its own rule.
          cells.push({
            family: 'sockets',
            route: `agent ${event}`,
            target: `${chat} (note)`,
            principal,
            expected: connection === 'ok' ? inboxAnswer(AGENTS[principal]!, 'note', chat) : connection,
            run: () => emit('agent', principal, event, { ...payloads[event], clientId: `matrix-${randomUUID()}`, audience: 'agents' }),
          });
        }
      }
    }
  }
  return cells;
}
