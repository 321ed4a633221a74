/**
 * The written-down answers: who holds what, and what each kind of request answers them. Every cell
 * of the matrix is computed from these tables and nothing else.
 */
import type { Outcome } from './cells';
import { isAdmin, type PrincipalName } from './principals';
import type { Chat } from './world';

/** The plugin's admin actions each principal holds (super admins hold every action). */
export const HOLDS = {
  useInbox: ['agentA', 'agentB', 'superAdmin', 'adminToken'],
  managePlaybooks: ['superAdmin', 'manager'],
  manageNotificationSettings: ['superAdmin'],
  manageCannedReplies: ['superAdmin'],
  manageAssignment: ['superAdmin'],
  viewAnalytics: ['superAdmin'],
  managePersonalData: ['superAdmin'],
} satisfies Record<string, PrincipalName[]>;
export const holds = (principal: PrincipalName, action: keyof typeof HOLDS) => (HOLDS[action] as PrincipalName[]).includes(principal);

/**
 * The agent a principal acts as in the inbox, and whether they see every conversation (B6). The
 * super admin does (LIVE_CHAT_SUPER_ADMIN_SEES_ALL defaults to true); their admin token, listing
 * only "Use the inbox", does not.
 */
export const AGENTS: Partial<Record<PrincipalName, { as: PrincipalName; seesAll: boolean }>> = {
  agentA: { as: 'agentA', seesAll: false },
  agentB: { as: 'agentB', seesAll: false },
  superAdmin: { as: 'superAdmin', seesAll: true },
  adminToken: { as: 'superAdmin', seesAll: false },
};

/** A conversation as one agent sees it. */
export type Relation = 'unassigned' | 'mine' | 'theirs' | 'closed';
const ASSIGNEES: Record<'ofAgentA' | 'ofAgentB', PrincipalName> = { ofAgentA: 'agentA', ofAgentB: 'agentB' };
export const relationOf = (agent: PrincipalName, chat: Chat): Relation =>
  chat === 'unassigned' || chat === 'closed' ? chat : ASSIGNEES[chat] === agent ? 'mine' : 'theirs';

/**
 * B3, B5, B8, C1, C2: what an inbox action answers an agent who may see the conversation. Only the
 * assignee replies (`not_assigned` otherwise); nothing but the side panel and CRM records changes
 * after close. One they may not see is `hidden` (404), whatever the action (B6), except taking it:
 * B3's loser of a race is told the chat was taken (409), and that is what anyone else hears too.
 */
export const INBOX_ACTIONS = {
  read: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'ok' },
  send: { unassigned: 'refused', mine: 'ok', theirs: 'refused', closed: 'refused' },
  /** G3: an internal note, by anyone who may see the chat, whoever holds it and also once closed. */
  note: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'ok' },
  assign: { unassigned: 'ok', mine: 'refused', theirs: 'refused', closed: 'refused' },
  reassign: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'refused' },
  close: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'refused' },
  sidePanel: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'ok' },
  crm: { unassigned: 'ok', mine: 'ok', theirs: 'ok', closed: 'ok' },
} satisfies Record<string, Record<Relation, Outcome>>;
export type InboxAction = keyof typeof INBOX_ACTIONS;

/** An inbox action by an agent (an admin, or the agent an API token acts as) on a conversation. */
export function inboxAnswer(agent: { as: PrincipalName; seesAll: boolean }, action: InboxAction, chat: Chat): Outcome {
  const relation = relationOf(agent.as, chat);
  if (relation === 'theirs' && !agent.seesAll && action !== 'assign') return 'hidden';
  return INBOX_ACTIONS[action][relation];
}

/** The admin API's door: 401 without an admin session or admin token, 403 without the permission. */
export const adminDoor = (principal: PrincipalName, allowed: boolean, answer: () => Outcome): Outcome =>
  !isAdmin(principal) ? 'unauthenticated' : allowed ? answer() : 'forbidden';

/**
 * The Content Manager permissions each admin holds on the CRM types (Strapi's default Editor and
 * Author roles as the first admin's registration creates them; `own` = the `is-creator` condition).
 * On the plugin-only types nobody holds any (server/src/plugin-only.ts).
 */
export type CmAction = 'read' | 'create' | 'update' | 'delete' | 'publish';
export const CM_GRANTS: Partial<Record<PrincipalName, Partial<Record<CmAction, 'all' | 'own'>>>> = {
  superAdmin: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
  editor: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
  author: { read: 'own', create: 'own', update: 'own', delete: 'own' },
  cmReader: { read: 'all' },
  adminToken: { read: 'all' },
};
