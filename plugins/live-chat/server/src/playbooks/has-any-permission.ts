/**
 * A2: Strapi's `admin::hasPermissions` passes only when the admin holds EVERY listed action; the
 * playbook screens are readable with ANY of several ("use the inbox" or "manage playbooks"), so
 * this policy checks the same ability object with `some`. Super admins hold every action.
 */
export interface PolicyContext {
  state: { userAbility?: { can: (action: string, subject?: unknown) => boolean } };
}

export default (policyContext: PolicyContext, config: { actions?: string[] }): boolean => {
  const ability = policyContext.state.userAbility;
  const actions = config.actions ?? [];
  return ability !== undefined && actions.some((action) => ability.can(action));
};
