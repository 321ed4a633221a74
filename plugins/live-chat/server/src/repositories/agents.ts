import type { Core } from '@strapi/strapi';
import { adminAction } from '../../../shared/constants';

export interface AgentRecord {
  id: number;
  displayName: string;
  email: string;
  isActive: boolean;
  isSuperAdmin: boolean;
  /** Holds a role granted the inbox (or is a super admin). */
  canUseInbox: boolean;
  /** Holds a role granted "see all conversations" (super admins are decided by the plugin config). */
  hasSeeAllPermission: boolean;
}

interface AdminUserRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  isActive: boolean;
  roles: Array<{ id: number; code: string }>;
}

const SUPER_ADMIN_CODE = 'strapi-super-admin';

export const displayNameOf = (user: { firstname?: string | null; lastname?: string | null; email: string }) =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;

/** Admin users as agents: who may take chats (for reassign, B5) and who may see everything (B6). */
export const createAgentRepository = (strapi: Core.Strapi) => {
  async function roleIdsWith(action: string): Promise<Set<number>> {
    const permissions: Array<{ role: { id: number } | null }> = await strapi.db
      .query('admin::permission')
      .findMany({ where: { action }, populate: ['role'] });
    return new Set(permissions.flatMap((permission) => (permission.role ? [permission.role.id] : [])));
  }

  async function toAgents(users: AdminUserRow[]): Promise<AgentRecord[]> {
    const [inboxRoles, seeAllRoles] = await Promise.all([
      roleIdsWith(adminAction('useInbox')),
      roleIdsWith(adminAction('seeAllConversations')),
    ]);
    return users.map((user) => {
      const isSuperAdmin = user.roles.some((role) => role.code === SUPER_ADMIN_CODE);
      return {
        id: user.id,
        displayName: displayNameOf(user),
        email: user.email,
        isActive: user.isActive,
        isSuperAdmin,
        canUseInbox: isSuperAdmin || user.roles.some((role) => inboxRoles.has(role.id)),
        hasSeeAllPermission: user.roles.some((role) => seeAllRoles.has(role.id)),
      };
    });
  }

  const findUsers = (where: Record<string, unknown>): Promise<AdminUserRow[]> =>
    strapi.db.query('admin::user').findMany({
      where,
      select: ['id', 'firstname', 'lastname', 'email', 'isActive'],
      populate: { roles: { select: ['id', 'code'] } },
      orderBy: [{ firstname: 'asc' }, { id: 'asc' }],
    });

  return {
    /** One admin user as an agent, or null if there is no such active user. */
    async findById(id: number): Promise<AgentRecord | null> {
      const [agent] = await toAgents(await findUsers({ id, isActive: true }));
      return agent ?? null;
    },

    /** Every active admin user who may take chats. */
    async listInboxAgents(): Promise<AgentRecord[]> {
      return (await toAgents(await findUsers({ isActive: true }))).filter((agent) => agent.canUseInbox);
    },
  };
};

export type AgentRepository = ReturnType<typeof createAgentRepository>;
