/**
 * E2: who may write into a conversation and what a chat message may contain. Messages are plain
 * text (escaped wherever they are shown), identified by a client id the sender chooses.
 */
import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_AUDIENCES } from '../constants';
import type { ConversationState, Refusal } from './conversation';
import { canSee, type Viewer } from './visibility';

export const MESSAGE_MAX_LENGTH = 5000;

// Control characters other than tab / newline corrupt transcripts and can hide content.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const messageInputSchema = z.strictObject({
  /** Chosen by the sender, unique per conversation: a retry with the same id is the same message. */
  clientId: z
    .string({ error: 'clientId must be text' })
    .min(8, 'clientId must have 8 to 64 characters')
    .max(64, 'clientId must have 8 to 64 characters')
    .regex(/^[A-Za-z0-9_-]+$/, 'clientId may use letters, digits, "-" and "_" only'),
  body: z
    .string({ error: 'The message must be text' })
    .trim()
    .min(1, 'The message is empty')
    .max(MESSAGE_MAX_LENGTH, `The message can be at most ${MESSAGE_MAX_LENGTH} characters`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'The message contains control characters'),
});
export type MessageInput = z.output<typeof messageInputSchema>;

/**
 * What an agent sends (socket, admin API, content API): a message, or with `audience: 'agents'` an
 * internal note (G3) that only agents who may see the chat ever receive.
 */
export const agentMessageInputSchema = messageInputSchema.extend({
  audience: z.enum(MESSAGE_AUDIENCES, { error: `audience must be one of: ${MESSAGE_AUDIENCES.join(', ')}` }).optional(),
});
export type AgentMessageInput = z.output<typeof agentMessageInputSchema>;

/**
 * An agent writes only into a conversation assigned to them (B3: take it first); nobody writes
 * into a closed one (B8). Returns the refusal, or null when the message may be stored.
 */
export function agentMaySend(state: ConversationState, agentId: number): Refusal | null {
  if (state.status === 'closed') return { code: 'conversation_closed', message: 'This conversation is closed.' };
  if (state.status !== 'assigned' || state.assigneeId !== agentId) {
    return { code: 'not_assigned', message: 'Assign the conversation to yourself before you reply.' };
  }
  return null;
}

/** A visitor writes into their own conversation until it is closed (E4 is checked by the caller). */
export function visitorMaySend(state: Pick<ConversationState, 'status'>): Refusal | null {
  return state.status === 'closed' ? { code: 'conversation_closed', message: 'This conversation is closed.' } : null;
}

/** The statuses visitorMaySend accepts: the same rule, for a store that checks it in SQL. */
export const VISITOR_SENDABLE_STATUSES = CONVERSATION_STATUSES.filter((status) => visitorMaySend({ status }) === null);

/**
 * G3: an internal note may be written by every agent who may see the conversation (B6), whoever it
 * is assigned to and also once it is closed (it changes nothing the visitor sees). The caller
 * answers a refusal as "not found", as for any conversation the agent may not see.
 */
export function agentMayWriteNote(viewer: Viewer, state: Pick<ConversationState, 'status' | 'assigneeId'>): Refusal | null {
  return canSee(viewer, state) ? null : { code: 'not_allowed', message: 'This conversation is not visible to you.' };
}

/**
 * E3 + G2: what the visitor's "Read" and the list's unread count mean is the assignee's reading. An
 * agent who only looks in (a supervisor who sees every chat, or anyone before it is taken) reads for
 * nobody, so the assignee still finds the chat unread.
 */
export const readCountsFor = (agentId: number, state: Pick<ConversationState, 'assigneeId'>): boolean => state.assigneeId === agentId;
