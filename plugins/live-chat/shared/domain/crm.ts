/**
 * C2: planning the CRM records "Create lead" / "Create deal" make from a conversation's side panel.
 * The plan says what to reuse and what to create; a repository carries it out in one transaction.
 * It never sees the conversation status, so it cannot close a conversation, and it works after close (B8).
 */
import type { Agent, Refusal, TimelineEvent } from './conversation';
import type { SidePanel } from './side-panel';

/** Records the caller already looked up: the person by lower-cased email, the organization by name. */
export interface ExistingRecords {
  personByEmail: { id: number } | null;
  organizationByName: { id: number } | null;
}

/** Which record the agent asked for. */
export const CRM_KINDS = ['lead', 'deal'] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

/** What to reuse or create, and the timeline event to record (B7). */
export interface CrmPlan {
  person: { reuseId: number } | { create: { name: string | null; email: string | null; phone: string | null } } | null;
  organization: { reuseId: number } | { create: { name: string; address: string | null } } | null;
  record:
    | { kind: 'lead'; title: string; value: number | null; currency: string | null }
    | { kind: 'deal'; title: string; value: number | null; currency: string | null; expectedCloseDate: string | null };
  event: TimelineEvent;
}

/** The title used when the agent gives none. */
export function defaultCrmTitle(kind: CrmKind, sidePanel: SidePanel): string {
  const who = sidePanel.personName || sidePanel.personEmail || 'Website visitor';
  return `${who} ${kind}`;
}

/** Plans a lead or deal from the side panel, reusing the person (by email) and organization (by name) when they exist. */
export function planCrmRecord(
  kind: CrmKind,
  sidePanel: SidePanel,
  existing: ExistingRecords,
  actor: Agent,
  now: Date,
  title?: string,
): { ok: true; plan: CrmPlan } | { ok: false; refusal: Refusal } {
  if (!actor.canUseInbox) {
    return { ok: false, refusal: { code: 'not_allowed', message: 'You are not allowed to create CRM records.' } };
  }
  const value = sidePanel.dealValue ?? null;
  const currency = sidePanel.dealCurrency ?? null;
  // An amount without a currency is meaningless, and guessing one (say EUR) would silently misstate it.
  if (value !== null && currency === null) {
    return { ok: false, refusal: { code: 'invalid_input', field: 'dealCurrency', message: `A ${kind} value needs a currency` } };
  }

  const name = sidePanel.personName ?? null;
  const email = sidePanel.personEmail ?? null;
  const phone = sidePanel.personPhone ?? null;
  let person: CrmPlan['person'] = null;
  if (name !== null || email !== null || phone !== null) {
    // Only an email identifies a person; the same name can belong to two visitors.
    person = email !== null && existing.personByEmail ? { reuseId: existing.personByEmail.id } : { create: { name, email, phone } };
  }

  const organizationName = sidePanel.organizationName ?? null;
  let organization: CrmPlan['organization'] = null;
  if (organizationName !== null) {
    organization = existing.organizationByName
      ? { reuseId: existing.organizationByName.id }
      : { create: { name: organizationName, address: sidePanel.organizationAddress || null } };
  }

  const finalTitle = title?.trim() || defaultCrmTitle(kind, sidePanel);
  const record: CrmPlan['record'] =
    kind === 'deal'
      ? { kind, title: finalTitle, value, currency, expectedCloseDate: sidePanel.expectedCloseDate ?? null }
      : { kind, title: finalTitle, value, currency };

  return {
    ok: true,
    plan: {
      person,
      organization,
      record,
      event: {
        type: kind === 'deal' ? 'deal_created' : 'lead_created',
        at: new Date(now.getTime()),
        actorId: actor.id,
        data: { title: finalTitle },
      },
    },
  };
}
