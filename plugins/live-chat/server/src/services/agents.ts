import type { Core } from '@strapi/strapi';
import { adminAction } from '../../../shared/constants';
import type { Agent } from '../../../shared/domain';
import { mayActAs } from '../acting-agents';
import { pluginConfig } from '../plugin-config';
import { createAgentRepository, displayNameOf, type AgentRecord } from '../repositories/agents';

/** What Strapi's admin auth puts on ctx.state for a signed-in admin. */
export interface AdminSession {
  user: { id: number; firstname?: string | null; lastname?: string | null; email: string; roles?: Array<{ code: string }> };
  userAbility: { can: (action: string) => boolean };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createAgentRepository(strapi);
  const superAdminSeesAll = () => pluginConfig(strapi).superAdminSeesAll;

  const fromRecord = (record: AgentRecord): Agent => ({
    id: record.id,
    displayName: record.displayName,
    canUseInbox: record.canUseInbox,
    canSeeAll: record.isSuperAdmin ? superAdminSeesAll() : record.hasSeeAllPermission,
  });

  return {
    /** The signed-in admin as an agent, from their session's permissions. */
    fromAdminSession(session: AdminSession): Agent {
      const isSuperAdmin = (session.user.roles ?? []).some((role) => role.code === 'strapi-super-admin');
      const maySeeAll = session.userAbility.can(adminAction('seeAllConversations'));
      return {
        id: session.user.id,
        displayName: displayNameOf(session.user),
        canUseInbox: session.userAbility.can(adminAction('useInbox')),
        // Super admins hold every action; whether they see others' chats is a setting (B6). The
        // ability, not the role, has the last word: a super admin's admin token that lists only
        // "Use the inbox" acts as an agent who sees their own chats.
        canSeeAll: maySeeAll && (!isSuperAdmin || superAdminSeesAll()),
      };
    },

    /** An admin user by id as an agent, or null if unknown or inactive. */
    async findAgent(id: number): Promise<Agent | null> {
      const record = await repository.findById(id);
      return record ? fromRecord(record) : null;
    },

    /**
     * F1: the agent an integration acts as through `actingAgentId`: 'unknown' when no active admin
     * with that id may take chats, 'not_allowed' when the app's `actingAgents` setting excludes them.
     */
    async findActingAgent(id: number): Promise<Agent | 'unknown' | 'not_allowed'> {
      const record = await repository.findById(id);
      if (!record || !record.canUseInbox) return 'unknown';
      return mayActAs(pluginConfig(strapi).actingAgents, record) ? fromRecord(record) : 'not_allowed';
    },

    /** Everyone a chat can be handed to (the reassign dropdown, B5). */
    async listInboxAgents(): Promise<Agent[]> {
      return (await repository.listInboxAgents()).map(fromRecord);
    },
  };
};
