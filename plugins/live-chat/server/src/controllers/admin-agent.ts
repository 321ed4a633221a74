import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ADMIN_ACTIONS, type AdminActionKey, adminAction } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import { displayNameOf } from '../repositories/agents';
import type { AdminSession } from '../services/agents';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The signed-in admin and which of the plugin's actions they may take (drives the admin UI). */
  async me(ctx: Context) {
    const session = ctx.state as AdminSession;
    const { user, userAbility } = session;
    const permissions = Object.fromEntries(
      (Object.keys(ADMIN_ACTIONS) as AdminActionKey[]).map((key) => [key, userAbility.can(adminAction(key))]),
    ) as MeResponse['data']['permissions'];
    const body: MeResponse = {
      data: {
        id: user.id,
        displayName: displayNameOf(user),
        permissions,
        seesAllConversations: strapi.plugin('live-chat').service('agents').fromAdminSession(session).canSeeAll,
      },
    };
    ctx.body = body;
  },
});
