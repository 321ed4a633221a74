/**
 * The plugin's own routes, as Strapi's route registry lists them: the admin API under /live-chat
 * (inbox, playbooks, settings, and the widget's public routes) and the content API under
 * /api/live-chat. Each has one row here: how to call it, and who may (rules.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CONVERSATION_ACTIONS, CONVERSATION_ACTION_NAMES } from '../../../plugins/live-chat/shared/contracts/content-api';
import contentTypes from '../../../plugins/live-chat/server/src/content-types';
import type { ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { fillPath, outcomeOf, send, type Cell, type HttpCall, type Outcome } from './cells';
import { PRINCIPALS, type Principal, type PrincipalName } from './principals';
import { AGENTS, adminDoor, holds, inboxAnswer, type InboxAction } from './rules';
import { CHATS, CRM_SAMPLES, paragraph, uploadForm, type Chat, type World } from './world';
import type { TestApp } from '../../harness/strapi';

export interface MatrixContext {
  app: TestApp;
  baseUrl: string;
  who: Record<PrincipalName, Principal>;
  world: World;
}

/** A route's path as the registry lists it, with its method: `POST /live-chat/playbooks`. */
export type RouteKey = string;
export function routeKeys(app: TestApp, api: 'admin' | 'content-api', prefix: string): RouteKey[] {
  const router = api === 'admin' ? app.strapi.server.api('admin') : app.strapi.server.api('content-api');
  return (router.listRoutes() as Array<{ path: string; methods: string[] }>)
    .filter((layer) => layer.path.startsWith(prefix))
    .flatMap((layer) => layer.methods.filter((method) => method !== 'HEAD').map((method) => `${method} ${layer.path}`));
}

interface Ids {
  documentId: string;
  cardDocumentId: string;
  chat?: Chat;
}

interface AdminRow {
  /** What the route is asked about: each of the four conversations, the playbook, a canned reply, or nothing. */
  on?: 'chat' | 'playbook' | 'cannedReply';
  /** A write: a principal expected to succeed gets an object of their own, untouched by others. */
  writes?: boolean;
  query?: Record<string, string>;
  body?: (ids: Ids, context: MatrixContext) => unknown | Promise<unknown>;
  expect: (principal: PrincipalName, chat?: Chat) => Outcome;
}

const inbox =
  (action?: InboxAction) =>
  (principal: PrincipalName, chat?: Chat): Outcome =>
    adminDoor(principal, holds(principal, 'useInbox'), () => (action && chat ? inboxAnswer(AGENTS[principal]!, action, chat) : 'ok'));
const playbookReaders = (principal: PrincipalName) =>
  adminDoor(principal, holds(principal, 'useInbox') || holds(principal, 'managePlaybooks'), () => 'ok');
const playbookManagers = (principal: PrincipalName) => adminDoor(principal, holds(principal, 'managePlaybooks'), () => 'ok');
const signedIn = (principal: PrincipalName) => adminDoor(principal, true, () => 'ok');
/** G3: agents read canned replies, and so do their managers; only managers change them. */
const cannedReplyReaders = (principal: PrincipalName) =>
  adminDoor(principal, holds(principal, 'useInbox') || holds(principal, 'manageCannedReplies'), () => 'ok');
const cannedReplyManagers = (principal: PrincipalName) => adminDoor(principal, holds(principal, 'manageCannedReplies'), () => 'ok');
const assignmentManagers = (principal: PrincipalName) => adminDoor(principal, holds(principal, 'manageAssignment'), () => 'ok');
const cannedReply = () => ({ shortcut: `matrix-${randomBytes(4).toString('hex')}`, title: 'Matrix', body: 'Hi {visitor.name}' });
/**
 * F5: "Export and erase personal data", and B6 on the conversation the subject is named by (the
 * same answer as reading it: 404 for a chat one may not see).
 */
const personalData = (principal: PrincipalName, chat?: Chat): Outcome =>
  adminDoor(principal, holds(principal, 'managePersonalData'), () => (chat && AGENTS[principal] ? inboxAnswer(AGENTS[principal]!, 'read', chat) : 'ok'));
const anyone = (): Outcome => 'ok';
const analyticsViewers = (principal: PrincipalName) => adminDoor(principal, holds(principal, 'viewAnalytics'), () => 'ok');
const analyticsRange = { from: '2026-01-01', to: '2026-01-31' };
/** The widget's visitor routes take the visitor's signed token (E4); nothing else is one. */
const visitors = (principal: PrincipalName): Outcome => (principal.startsWith('visitor') ? 'ok' : 'unauthenticated');

const message = () => ({ clientId: `matrix-${randomUUID()}`, body: 'Matrix says hi' });
/** Reassigning hands the chat to the agent who does not hold it (B5). */
const reassignTo = (chat: Chat | undefined, context: MatrixContext) => context.who[chat === 'ofAgentB' ? 'agentA' : 'agentB'].adminId;

/** Every admin route of the plugin (/live-chat/…). */
export const PLUGIN_ADMIN_ROUTES: Record<RouteKey, AdminRow> = {
  'GET /live-chat/me': { expect: signedIn },
  'GET /live-chat/conversations': { expect: inbox() },
  'GET /live-chat/conversations/:documentId': { on: 'chat', expect: inbox('read') },
  'GET /live-chat/conversations/:documentId/messages': { on: 'chat', expect: inbox('read') },
  'POST /live-chat/conversations/:documentId/messages': { on: 'chat', writes: true, body: message, expect: inbox('send') },
  'POST /live-chat/conversations/:documentId/assign': { on: 'chat', writes: true, expect: inbox('assign') },
  'POST /live-chat/conversations/:documentId/reassign': {
    on: 'chat',
    writes: true,
    body: ({ chat }, context) => ({ agentId: reassignTo(chat, context) }),
    expect: inbox('reassign'),
  },
  'POST /live-chat/conversations/:documentId/close': { on: 'chat', writes: true, expect: inbox('close') },
  'PUT /live-chat/conversations/:documentId/side-panel': { on: 'chat', writes: true, body: () => ({ notes: 'Seen' }), expect: inbox('sidePanel') },
  'POST /live-chat/conversations/:documentId/leads': { on: 'chat', writes: true, body: () => ({ title: 'Lead' }), expect: inbox('crm') },
  'POST /live-chat/conversations/:documentId/deals': { on: 'chat', writes: true, body: () => ({ title: 'Deal' }), expect: inbox('crm') },
  'GET /live-chat/conversations/:documentId/crm-records': { on: 'chat', expect: inbox('read') },
  'GET /live-chat/conversations/:documentId/context': { on: 'chat', expect: inbox('read') },
  // G4: a file follows the rule of a reply; erasing a chat's files needs "see all conversations" too.
  'POST /live-chat/conversations/:documentId/attachments': { on: 'chat', writes: true, body: () => uploadForm(), expect: inbox('send') },
  'DELETE /live-chat/conversations/:documentId/attachments': {
    on: 'chat',
    writes: true,
    expect: (p, chat) => adminDoor(p, holds(p, 'useInbox') && Boolean(AGENTS[p]?.seesAll), () => (chat ? inboxAnswer(AGENTS[p]!, 'read', chat) : 'ok')),
  },
  // A file is served to whoever holds its URL (its key is the credential), an image's thumbnail too.
  'GET /live-chat/attachments/:fileKey': { expect: anyone },
  'GET /live-chat/attachments/:fileKey/thumbnail': { expect: anyone },
  'GET /live-chat/personal-data/:kind/:documentId': { on: 'chat', expect: personalData },
  'GET /live-chat/personal-data/:kind/:documentId/export': { on: 'chat', expect: personalData },
  'POST /live-chat/personal-data/:kind/:documentId/erase': { on: 'chat', writes: true, body: () => ({ confirm: 'ERASE' }), expect: personalData },
  'GET /live-chat/personal-data/erasures': { expect: (p) => personalData(p) },
  'GET /live-chat/settings/retention': { expect: (p) => personalData(p) },
  'PUT /live-chat/settings/retention': { body: () => ({ enabled: false, days: 365 }), expect: (p) => personalData(p) },
  'GET /live-chat/settings/retention/preview': { expect: (p) => personalData(p) },
  'GET /live-chat/agents': { expect: inbox() },
  'GET /live-chat/availability': { expect: inbox() },
  'PUT /live-chat/availability': { body: () => ({ availability: 'offline' }), expect: inbox() },
  'GET /live-chat/settings/notifications': {
    expect: (p) => adminDoor(p, holds(p, 'useInbox') || holds(p, 'manageNotificationSettings'), () => 'ok'),
  },
  'PUT /live-chat/settings/notifications': {
    body: () => ({ sound: false }),
    expect: (p) => adminDoor(p, holds(p, 'manageNotificationSettings'), () => 'ok'),
  },
  // G8: email settings go with the notification settings permission, for reading too.
  'GET /live-chat/settings/email': { expect: (p) => adminDoor(p, holds(p, 'manageNotificationSettings'), () => 'ok') },
  'PUT /live-chat/settings/email': {
    body: () => ({ followUpsEnabled: true }),
    expect: (p) => adminDoor(p, holds(p, 'manageNotificationSettings'), () => 'ok'),
  },
  // Issue 16 (G6): the CSAT switch, read by agents, changed with the notification-settings permission.
  'GET /live-chat/settings/csat': {
    expect: (p) => adminDoor(p, holds(p, 'useInbox') || holds(p, 'manageNotificationSettings'), () => 'ok'),
  },
  'PUT /live-chat/settings/csat': {
    body: () => ({ enabled: true }),
    expect: (p) => adminDoor(p, holds(p, 'manageNotificationSettings'), () => 'ok'),
  },
  'GET /live-chat/me/notifications': { expect: inbox() },
  'PUT /live-chat/me/notifications': { body: () => ({ sound: true }), expect: inbox() },
  'GET /live-chat/playbooks': { expect: playbookReaders },
  'POST /live-chat/playbooks': { body: () => ({ name: 'New', template: 'live_chat' }), expect: playbookManagers },
  'GET /live-chat/playbooks/:documentId': { on: 'playbook', expect: playbookReaders },
  'PUT /live-chat/playbooks/:documentId': { on: 'playbook', writes: true, body: () => ({ name: 'Renamed' }), expect: playbookManagers },
  'DELETE /live-chat/playbooks/:documentId': { on: 'playbook', writes: true, expect: playbookManagers },
  'POST /live-chat/playbooks/:documentId/publish': { on: 'playbook', writes: true, expect: playbookManagers },
  'POST /live-chat/playbooks/:documentId/unpublish': { on: 'playbook', writes: true, expect: playbookManagers },
  'POST /live-chat/playbooks/:documentId/locales/:locale': { on: 'playbook', writes: true, body: () => ({}), expect: playbookManagers },
  'POST /live-chat/playbooks/:documentId/cards': {
    on: 'playbook',
    writes: true,
    body: () => ({ kind: 'bot_message', settings: { message: [paragraph('Hi')] } }),
    expect: playbookManagers,
  },
  'PUT /live-chat/playbooks/:documentId/cards/order': {
    on: 'playbook',
    writes: true,
    body: async ({ documentId }, { app, who }) => {
      const detail = await app.http().get(`/live-chat/playbooks/${documentId}`).set({ authorization: `Bearer ${who.manager.bearer}` });
      return { cardDocumentIds: (detail.body.data.cards as Array<{ documentId: string }>).map((card) => card.documentId).reverse() };
    },
    expect: playbookManagers,
  },
  'PUT /live-chat/playbooks/:documentId/cards/:cardDocumentId': { on: 'playbook', writes: true, body: () => ({ title: 'Renamed' }), expect: playbookManagers },
  'DELETE /live-chat/playbooks/:documentId/cards/:cardDocumentId': { on: 'playbook', writes: true, expect: playbookManagers },
  // G7: agents' capacities for auto-assignment: only "Manage auto-assignment" reads or changes them.
  'GET /live-chat/settings/assignment': { expect: assignmentManagers },
  'PUT /live-chat/settings/assignment/agents/:agentId': { body: () => ({ maxOpenChats: 5 }), expect: assignmentManagers },
  'GET /live-chat/canned-replies': { expect: cannedReplyReaders },
  // Issue 16: the analytics report and its CSV, with "View analytics" (B6 is inside the report).
  'GET /live-chat/analytics': { query: analyticsRange, expect: analyticsViewers },
  'GET /live-chat/analytics/export': { query: analyticsRange, expect: analyticsViewers },
  'POST /live-chat/canned-replies': { body: cannedReply, expect: cannedReplyManagers },
  'GET /live-chat/canned-replies/:documentId': { on: 'cannedReply', expect: cannedReplyReaders },
  'PUT /live-chat/canned-replies/:documentId': { on: 'cannedReply', writes: true, body: () => ({ title: 'Renamed' }), expect: cannedReplyManagers },
  'DELETE /live-chat/canned-replies/:documentId': { on: 'cannedReply', writes: true, expect: cannedReplyManagers },
  'GET /live-chat/conversations/:documentId/canned-replies': { on: 'chat', expect: inbox('read') },
  // The widget's routes: no admin session; visitors prove themselves with their signed token (E4).
  'POST /live-chat/widget/session': { body: () => ({}), expect: anyone },
  'POST /live-chat/widget/flow': {
    body: (_ids, { world }) => ({ playbookDocumentId: world.playbook.documentId, input: { type: 'start' } }),
    expect: visitors,
  },
  'POST /live-chat/widget/identify': { body: () => ({ name: 'Vera Visitor' }), expect: visitors },
  'POST /live-chat/widget/page': { body: () => ({ page: 'https://site.test/pricing', title: 'Pricing' }), expect: visitors },
  // G4: into the visitor's own open conversation (both matrix visitors have one).
  'POST /live-chat/widget/attachments': { body: () => uploadForm(), expect: visitors },
  // G8: only a visitor may ask; the matrix visitors gave no email, so theirs is refused (400).
  'POST /live-chat/widget/transcript': { body: () => ({}), expect: (p) => (p.startsWith('visitor') ? 'refused' : 'unauthenticated') },
  // G8: the link is the credential, whoever sends it; a made-up one opens nothing.
  'POST /live-chat/widget/resume': { body: () => ({ link: 'eyJjIjoxLCJ2IjoxLCJlIjo5OTk5OTk5OTk5fQ.forged' }), expect: () => 'unauthenticated' },
  'POST /live-chat/widget/installations': {
    body: (_ids, { world }) => ({ playbookDocumentId: world.playbook.documentId, page: 'https://site.test/landing' }),
    expect: anyone,
  },
  'GET /live-chat/widget.js': { expect: anyone },
  'GET /live-chat/widget/assets/:file': { expect: anyone },
};

/**
 * Other requests a route takes that another rule answers: the same route and door, a different
 * body (G3: sending with `audience: 'agents'` writes an internal note).
 */
export const PLUGIN_ADMIN_ROUTE_VARIANTS: Record<RouteKey, Record<string, AdminRow>> = {
  'POST /live-chat/conversations/:documentId/messages': {
    note: { on: 'chat', writes: true, body: () => ({ ...message(), audience: 'agents' }), expect: inbox('note') },
  },
};

/** The cells of the plugin's admin routes; `missing` lists registry routes without a row. */
export function pluginAdminCells(context: MatrixContext): { cells: Cell[]; missing: RouteKey[] } {
  const keys = routeKeys(context.app, 'admin', '/live-chat/');
  const cells: Cell[] = [];
  for (const route of keys) {
    if (!PLUGIN_ADMIN_ROUTES[route]) continue;
    const rows: Array<[string, AdminRow]> = [['', PLUGIN_ADMIN_ROUTES[route]], ...Object.entries(PLUGIN_ADMIN_ROUTE_VARIANTS[route] ?? {})];
    for (const [variant, row] of rows) {
      const [method, path] = route.split(' ');
      const targets: Array<Chat | undefined> = row.on === 'chat' ? [...CHATS] : [undefined];
      for (const chat of targets) {
        for (const principal of PRINCIPALS) {
          const expected = row.expect(principal, chat);
          cells.push({
            family: 'plugin admin',
            route,
            target: `${chat ?? (row.on ?? '-')}${variant ? ` (${variant})` : ''}`,
            principal,
            expected,
            run: async () => {
              const own = row.writes && expected === 'ok';
              const { world } = context;
              const playbook = row.on === 'playbook' && own ? await world.freshPlaybook() : world.playbook;
              const reply = row.on === 'cannedReply' ? (own ? await world.freshCannedReply() : world.cannedReply) : null;
              const ids: Ids = {
                documentId: chat ? (own ? await world.freshChat(chat) : world.chats[chat]) : (reply ?? playbook.documentId),
                cardDocumentId: playbook.card,
                chat,
              };
              const call: HttpCall = {
                method,
                path: fillPath(path, { kind: 'conversation', documentId: ids.documentId, cardDocumentId: ids.cardDocumentId, locale: 'sv', file: world.widgetChunk, fileKey: world.attachmentKey, agentId: String(context.who.agentA.adminId) }),
                query: row.query,
                body: row.body ? await row.body(ids, context) : undefined,
              };
              return outcomeOf(await send(context.baseUrl, context.who[principal], call));
            },
          });
        }
      }
    }
  }
  return { cells, missing: keys.filter((key) => !PLUGIN_ADMIN_ROUTES[key]) };
}

/**
 * F1: the content API. A read-only token reads every conversation and message (no agent scoping);
 * a full-access token does everything, and acts as any agent, super admins included, on the
 * conversation actions (that agent's visibility applies). The public role holds nothing (403);
 * admin sessions, admin tokens and visitor tokens are no content-API credentials (401).
 */
const CONTENT_API_TOKENS: Record<'read' | 'write', Partial<Record<PrincipalName, Outcome>>> = {
  read: { readToken: 'ok', fullToken: 'ok' },
  write: { readToken: 'forbidden', fullToken: 'ok' },
};
const contentApiDoor = (principal: PrincipalName, kind: 'read' | 'write'): Outcome =>
  CONTENT_API_TOKENS[kind][principal] ?? (principal === 'anonymous' ? 'forbidden' : 'unauthenticated');

const ACTION_KINDS: Record<(typeof CONVERSATION_ACTION_NAMES)[number], InboxAction> = {
  assign: 'assign',
  reassign: 'reassign',
  close: 'close',
  sendMessage: 'send',
  createLead: 'crm',
  createDeal: 'crm',
};
/** Who a full-access token names as `actingAgentId`, on which conversations. */
const ACTING: Array<[PrincipalName, Chat]> = [
  ...CHATS.map((chat): [PrincipalName, Chat] => ['agentA', chat]),
  ['superAdmin', 'ofAgentB'],
  ['editor', 'unassigned'],
];

const byPluralName = Object.fromEntries(
  (Object.keys(contentTypes) as ContentTypeName[]).map((name) => [contentTypes[name].schema.info.pluralName, name]),
) as Record<string, ContentTypeName>;

/** The cells of the plugin's content-API routes; `missing` lists routes this file cannot place. */
export function contentApiCells(context: MatrixContext): { cells: Cell[]; missing: RouteKey[] } {
  const { world, who } = context;
  const cells: Cell[] = [];
  const missing: RouteKey[] = [];
  const cell = (route: RouteKey, target: string, principal: PrincipalName, expected: Outcome, call: (own: boolean) => Promise<HttpCall>) =>
    cells.push({
      family: 'content API',
      route,
      target,
      principal,
      expected,
      run: async () => outcomeOf(await send(context.baseUrl, who[principal], await call(expected === 'ok'))),
    });

  for (const route of routeKeys(context.app, 'content-api', '/api/live-chat/')) {
    const [method, path] = route.split(' ');
    const action = CONVERSATION_ACTION_NAMES.find((name) => `/api/live-chat${CONVERSATION_ACTIONS[name].path}` === path);
    if (method === 'POST' && action) {
      // G3: the send action also writes internal notes (`audience: 'agents'`), under their own rule.
      const variants: Array<[string, InboxAction, object]> =
        action === 'sendMessage' ? [['', 'send', {}], [' (note)', 'note', { audience: 'agents' }]] : [['', ACTION_KINDS[action], {}]];
      for (const [variant, kind, extra] of variants) {
        for (const [acting, chat] of ACTING) {
          const body = () => ({
            actingAgentId: who[acting].adminId,
            ...(action === 'reassign' ? { agentId: reassignTo(chat, context) } : {}),
            ...(action === 'sendMessage' ? message() : {}),
            ...(action === 'createLead' || action === 'createDeal' ? { title: 'From the CRM' } : {}),
            ...extra,
          });
          for (const principal of PRINCIPALS) {
            const door = contentApiDoor(principal, 'write');
            const agent = AGENTS[acting];
            const expected = door !== 'ok' ? door : agent ? inboxAnswer(agent, kind, chat) : 'refused';
            cell(route, `${chat} as ${acting}${variant}`, principal, expected, async (own) => ({
              method,
              path: fillPath(path, { documentId: own ? await world.freshChat(chat) : world.chats[chat] }),
              body: { data: body() },
            }));
          }
        }
      }
      continue;
    }
    // F5: a person's export and erasure: tokens granted them (full access), never a read-only token.
    if (path.startsWith('/api/live-chat/personal-data/')) {
      for (const chat of CHATS) {
        for (const principal of PRINCIPALS) {
          cell(route, chat, principal, contentApiDoor(principal, 'write'), async (own) => ({
            method,
            path: fillPath(path, { kind: 'conversation', documentId: own && method === 'POST' ? await world.freshChat(chat) : world.chats[chat] }),
            body: method === 'POST' ? { data: { confirm: 'ERASE' } } : undefined,
          }));
        }
      }
      continue;
    }
    const match = /^\/api\/live-chat\/([a-z-]+)(\/:id)?$/.exec(path);
    const type = match ? byPluralName[match[1]] : undefined;
    if (!type) {
      missing.push(route);
      continue;
    }
    const one = Boolean(match?.[2]);
    const kind = method === 'GET' ? 'read' : 'write';
    for (const principal of PRINCIPALS) {
      cell(route, type, principal, contentApiDoor(principal, kind), async (own) => ({
        method,
        path: one ? fillPath(path, { id: own && kind === 'write' ? await world.freshRecord(type, 'superAdmin') : world.anyRecord(type) }) : path,
        body: kind === 'write' ? { data: CRM_SAMPLES[type] } : undefined,
      }));
    }
  }
  return { cells, missing };
}
