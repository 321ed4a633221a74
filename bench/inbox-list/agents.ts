import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { adminAction } from '../../plugins/live-chat/shared/constants';

export interface BenchAgent {
  id: number;
  email: string;
  password: string;
}

/**
 * Admin users holding only "use the inbox", as tests/harness/admin.ts creates them: the measuring
 * agent then sees what a real agent sees (Unassigned, Closed and their own chats, B6), so the
 * visibility filter is part of every measured query.
 */
export async function createAgents(strapi: Core.Strapi, count: number, label = 'inbox-list'): Promise<BenchAgent[]> {
  const roles = strapi.service('admin::role');
  const role = (await roles.create({ name: `Bench agents (${label})`, description: `${label} benchmark` })) as { id: number };
  await roles.assignPermissions(role.id, [
    { action: adminAction('useInbox'), subject: null, properties: {}, conditions: [] },
  ]);

  const agents: BenchAgent[] = [];
  for (let index = 1; index <= count; index += 1) {
    const email = `${label}-agent-${index}@bench.local`;
    const password = `Bench-${randomBytes(6).toString('hex')}-1A`;
    const user = (await strapi.service('admin::user').create({
      email,
      password,
      firstname: `Agent`,
      lastname: String(index),
      isActive: true,
      roles: [role.id],
    })) as { id: number };
    agents.push({ id: user.id, email, password });
  }
  return agents;
}

/** Signs in through POST /admin/login, as the admin panel does, and returns the JWT. */
export async function signIn(baseUrl: string, agent: BenchAgent): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: agent.email, password: agent.password }),
  });
  const body = (await response.json()) as { data?: { token?: string } };
  if (response.status !== 200 || !body.data?.token) {
    throw new Error(`Admin login failed (${response.status}): ${JSON.stringify(body)}`);
  }
  return body.data.token;
}
