import { agentMessageInputSchema } from '../domain/messaging';
import { actingAgentSchema, crmBodySchema, reassignBodySchema } from '../schemas';
import { conversationDetailSchema, timelineEntrySchema } from './conversations';
import { createdCrmRecordSchema } from './crm';

/**
 * F1: the content API's inbox actions, for integrations acting as a named agent. One table holds
 * each action's route, the body its `data` must match and the `data` it answers; the routes, the
 * controller's validation and the OpenAPI description (G1) are all read from it.
 */
export const CONVERSATION_ACTIONS = {
  assign: {
    path: '/conversations/:documentId/assign',
    summary: 'Assign the conversation to the acting agent (B3)',
    request: actingAgentSchema,
    response: conversationDetailSchema,
    created: false,
  },
  reassign: {
    path: '/conversations/:documentId/reassign',
    summary: 'Reassign the conversation to another agent, or to Unassigned with agentId null (B5)',
    request: reassignBodySchema.extend(actingAgentSchema.shape),
    response: conversationDetailSchema,
    created: false,
  },
  close: {
    path: '/conversations/:documentId/close',
    summary: 'Close the conversation; it can never be reopened (B8)',
    request: actingAgentSchema,
    response: conversationDetailSchema,
    created: false,
  },
  sendMessage: {
    path: '/conversations/:documentId/messages',
    summary:
      "Send a message as the acting agent, or with audience 'agents' an internal note only agents see (G3); a retry with the same clientId answers the stored message with 200 (E2)",
    request: agentMessageInputSchema.extend(actingAgentSchema.shape),
    response: timelineEntrySchema,
    created: true,
  },
  createLead: {
    path: '/conversations/:documentId/leads',
    summary: "Create a lead from the conversation's side panel (C2); never closes the conversation",
    request: crmBodySchema.extend(actingAgentSchema.shape),
    response: createdCrmRecordSchema,
    created: true,
  },
  createDeal: {
    path: '/conversations/:documentId/deals',
    summary: "Create a deal from the conversation's side panel (C2); never closes the conversation",
    request: crmBodySchema.extend(actingAgentSchema.shape),
    response: createdCrmRecordSchema,
    created: true,
  },
} as const;

export type ConversationActionName = keyof typeof CONVERSATION_ACTIONS;
export const CONVERSATION_ACTION_NAMES = Object.keys(CONVERSATION_ACTIONS) as ConversationActionName[];
