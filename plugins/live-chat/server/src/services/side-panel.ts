import type { Core } from '@strapi/strapi';
import type { ConversationDetail } from '../../../shared/contracts/conversations';
import { allowedActions, validateSidePanel, type Agent } from '../../../shared/domain';
import { invalidInput } from '../errors';
import { toConversationDetail } from '../presenters';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { stateOf, type ConversationService } from './conversations';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const conversationService = () => strapi.plugin('live-chat').service('conversations') as ConversationService;

  return {
    /** C1: validates and stores side-panel fields; allowed after close too (B8). */
    async update(agent: Agent, documentId: string, input: unknown): Promise<ConversationDetail> {
      const record = await conversationService().loadVisible(agent, documentId);
      const result = validateSidePanel(input);
      if (!result.ok) throw invalidInput('Some side panel fields are invalid', result.errors);
      await strapi.db.transaction(({ trx }) =>
        conversations.updateSidePanel(trx, record.id, result.value as Record<string, unknown>, new Date()),
      );
      const updated = (await conversations.findById(record.id)) as ConversationRecord;
      // Issue 14: the name the list shows may have changed; every agent who may see the chat gets it live.
      await strapi.plugin('live-chat').service('event-bus').publish({ type: 'conversation:updated', conversation: updated, entries: [], actorId: agent.id });
      return toConversationDetail(updated, allowedActions(stateOf(updated), agent));
    },
  };
};
