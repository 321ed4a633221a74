import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { adminAction } from '../../plugins/live-chat/shared/constants';
import type { Credentials } from './protocol';

/**
 * Admin users whose only role grants "use the inbox" (`plugin::live-chat.inbox.use`), as
 * tests/harness/admin.ts creates agents. They sign in through POST /admin/login (client.ts).
 */
export async function createAgents(strapi: Core.Strapi, count: number): Promise<Credentials[]> {
  const roles = strapi.service('admin::role');
  const role = (await roles.create({ name: 'Delivery bench agents', description: 'bench/delivery' })) as { id: number };
  await roles.assignPermissions(role.id, [{ action: adminAction('useInbox'), subject: null, properties: {}, conditions: [] }]);

  const agents: Credentials[] = [];
  for (let index = 1; index <= count; index += 1) {
    const email = `delivery-agent-${index}@bench.local`;
    const password = `Bench-${randomBytes(6).toString('hex')}-1A`;
    const user = (await strapi.service('admin::user').create({
      email,
      password,
      firstname: 'Agent',
      lastname: String(index),
      isActive: true,
      roles: [role.id],
    })) as { id: number };
    agents.push({ id: user.id, email, password });
  }
  return agents;
}
