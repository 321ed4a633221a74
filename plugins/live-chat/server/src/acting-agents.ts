/**
 * F1: which agents an integration (an API token or a users-permissions user) may act as through
 * `actingAgentId`. A full-access token can already read every conversation, so acting as any agent
 * is the default; an app that wants a narrower integration names the agents it may act as, or
 * keeps it away from super admins, whose actions carry the most weight in the timeline.
 */
export const ACTING_AGENT_POLICIES = ['any', 'non-super-admins'] as const;

/** A policy name, or the emails of the only agents an integration may act as. */
export type ActingAgents = (typeof ACTING_AGENT_POLICIES)[number] | string[];

export function mayActAs(policy: ActingAgents, agent: { email: string; isSuperAdmin: boolean }): boolean {
  if (policy === 'any') return true;
  if (policy === 'non-super-admins') return !agent.isSuperAdmin;
  const email = agent.email.toLowerCase();
  return policy.some((listed) => listed.toLowerCase() === email);
}
