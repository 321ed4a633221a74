import type { Core } from '@strapi/strapi';
import type { Agent } from '../../../shared/domain';
import type { AdminSession } from '../services/agents';

interface SessionManager {
  (kind: 'admin'): {
    validateAccessToken: (token: string) => { isValid: boolean; payload: { userId: string; sessionId: string } };
    isSessionActive: (sessionId: string) => Promise<boolean>;
  };
}

/**
 * Authenticates an inbox socket with the admin panel's own access token, the same checks Strapi's
 * admin auth strategy makes for HTTP: a valid token, a live session, an active user, their ability.
 */
export async function authenticateAgent(strapi: Core.Strapi, token: unknown): Promise<Agent | null> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!manager) return null;
  const result = manager('admin').validateAccessToken(token);
  if (!result.isValid || !(await manager('admin').isSessionActive(result.payload.sessionId))) return null;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(result.payload.userId) }, populate: ['roles'] });
  if (!user || user.isActive !== true) return null;
  const userAbility = await strapi.service('admin::permission').engine.generateUserAbility(user);
  const session: AdminSession = { user, userAbility };
  return strapi.plugin('live-chat').service('agents').fromAdminSession(session);
}
