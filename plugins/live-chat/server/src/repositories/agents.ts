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

const SUPER_ADMIN_CODE = 'strapi-super-admin';

export const displayNameOf = (user: { firstname?: string | null; lastname?: string | null; email: string }) =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The link table Strapi keeps for a many-to-many relation, read from its metadata (not hard-coded). */
function joinTableOf(strapi: Core.Strapi, model: string, attribute: string): JoinTable {
  const definition = strapi.db.metadata.get(model).attributes[attribute] as { joinTable?: JoinTable };
  if (!definition.joinTable) throw new Error(`${model}.${attribute} has no join table`);
  return definition.joinTable;
}

interface AgentRow {
  id: number | string;
  firstname: string | null;
  lastname: string | null;
  email: string;
  is_active: boolean | number;
  role_code: string | null;
  action: string | null;
}

/**
 * Admin users as agents: who may take chats (for reassign, B5) and who may see everything (B6).
 * One query joins users, roles and the two plugin permissions: notifications and message routing
 * ask this on every message, so it must not cost a query per role.
 */
export const createAgentRepository = (strapi: Core.Strapi) => {
  const inboxAction = adminAction('useInbox');
  const seeAllAction = adminAction('seeAllConversations');

  async function findAgents(ids?: number[]): Promise<AgentRecord[]> {
    const userRoles = joinTableOf(strapi, 'admin::user', 'roles');
    const rolePermissions = joinTableOf(strapi, 'admin::permission', 'role');
    const users = strapi.db.metadata.get('admin::user').tableName;
    const roles = strapi.db.metadata.get('admin::role').tableName;
    const permissions = strapi.db.metadata.get('admin::permission').tableName;
    const query = strapi.db
      .getConnection(users)
      .select('u.id', 'u.firstname', 'u.lastname', 'u.email', 'u.is_active', 'r.code as role_code', 'p.action')
      .from(`${users} as u`)
      .leftJoin(`${userRoles.name} as ur`, `ur.${userRoles.joinColumn.name}`, 'u.id')
      .leftJoin(`${roles} as r`, 'r.id', `ur.${userRoles.inverseJoinColumn.name}`)
      .leftJoin(`${rolePermissions.name} as pr`, `pr.${rolePermissions.inverseJoinColumn.name}`, 'r.id')
      .leftJoin(`${permissions} as p`, (on) =>
        on.on('p.id', `pr.${rolePermissions.joinColumn.name}`).andOnIn('p.action', [inboxAction, seeAllAction]),
      )
      .where('u.is_active', true)
      .orderBy([{ column: 'u.firstname', order: 'asc' }, { column: 'u.id', order: 'asc' }]);
    if (ids) query.whereIn('u.id', ids);
    const rows: AgentRow[] = await query;

    const byId = new Map<number, AgentRecord>();
    for (const row of rows) {
      const id = Number(row.id);
      let agent = byId.get(id);
      if (!agent) {
        agent = {
          id,
          displayName: displayNameOf(row),
          email: row.email,
          isActive: Boolean(row.is_active),
          isSuperAdmin: false,
          canUseInbox: false,
          hasSeeAllPermission: false,
        };
        byId.set(id, agent);
      }
      if (row.role_code === SUPER_ADMIN_CODE) agent.isSuperAdmin = agent.canUseInbox = true;
      if (row.action === inboxAction) agent.canUseInbox = true;
      if (row.action === seeAllAction) agent.hasSeeAllPermission = true;
    }
    return [...byId.values()];
  }

  return {
    /** One admin user as an agent, or null if there is no such active user. */
    async findById(id: number): Promise<AgentRecord | null> {
      const [agent] = await findAgents([id]);
      return agent ?? null;
    },

    /** Every active admin user who may take chats. */
    async listInboxAgents(): Promise<AgentRecord[]> {
      return (await findAgents()).filter((agent) => agent.canUseInbox);
    },
  };
};

export type AgentRepository = ReturnType<typeof createAgentRepository>;
