import type { Core } from '@strapi/strapi';
import type { Answers, Effect, FlowPlaybook } from '../../../shared/domain';
import { uid } from '../../../shared/constants';
import { createCrmRepository } from '../repositories/crm';
import type { Transaction } from '../repositories/sql';
import type { NewTimelineEntry } from '../repositories/timeline';
import type { VisitorRecord } from './visitors';

export interface EffectContext {
  strapi: Core.Strapi;
  visitor: VisitorRecord;
  playbook: FlowPlaybook;
  /** The conversation a start_conversation effect opened (set after the commit). */
  conversationId: number | null;
  /** G2: the flow's bot transcript so far, written first into a conversation this step opens. */
  transcript: NewTimelineEntry[];
  /** Work that must wait for the step's transaction to commit (it publishes events others read). */
  afterCommit?: () => Promise<void>;
}

const LEAD_STATUS = { qualified: 'qualified', disqualified: 'disqualified' } as const;

/** The person (de-duplicated by email, C2) and organization (by name) the visitor's answers describe. */
async function personFor(context: EffectContext, trx: Transaction, answers: Answers) {
  const crm = createCrmRepository(context.strapi);
  const organization = answers.organization
    ? ((await crm.findOrganizationByName(trx, answers.organization)) ?? (await crm.createOrganization({ name: answers.organization, address: null })))
    : null;
  if (!answers.name && !answers.email && !answers.phone) return { person: null, organization };
  const existing = answers.email ? await crm.findPersonByEmail(trx, answers.email) : null;
  const person =
    existing ??
    (await crm.createPerson({
      name: answers.name ?? null,
      email: answers.email?.toLowerCase() ?? null,
      phone: answers.phone ?? null,
      organization: organization?.id ?? null,
    }));
  return { person, organization };
}

/**
 * Runs one effect the flow engine produced (A6, A7). CRM records are written inside the step's
 * transaction; starting a conversation (B1) waits for the commit, because it announces itself.
 */
export async function runEffect(effect: Effect, context: EffectContext, trx: Transaction): Promise<void> {
  const { strapi } = context;
  const crm = createCrmRepository(strapi);
  switch (effect.type) {
    case 'start_conversation': {
      const previous = context.afterCommit;
      context.afterCommit = async () => {
        await previous?.();
        const current = await strapi.plugin('live-chat').service('visitors').currentConversation(context.visitor.id);
        if (current && current.status !== 'closed') return;
        // The published default-locale row: one per playbook document, whatever its copies (E5).
        const playbookId: number | null = await strapi.plugin('live-chat').service('playbooks').publishedRowId(context.playbook.id);
        const record = await strapi.plugin('live-chat').service('conversations').start({
          visitorId: context.visitor.id,
          playbookId,
          waitTimeSeconds: effect.waitTimeSeconds,
          transcript: context.transcript,
        });
        context.conversationId = record.id;
        // G7: the card hands new chats out by round robin; with nobody free it waits in Unassigned.
        // A failure here must not fail the visitor's step: the chat is stored and waits as without it.
        if (effect.autoAssign) {
          await strapi.plugin('live-chat').service('auto-assignment').assignNew(record.id).catch((error: unknown) => {
            strapi.log.error(`[live-chat] auto-assignment of conversation ${record.id} failed: ${String(error)}`);
          });
        }
      };
      return;
    }
    case 'qualify':
    case 'disqualify':
      // Recorded in the flow state; the lead created later carries it.
      return;
    case 'create_lead': {
      const { person, organization } = await personFor(context, trx, effect.answers);
      await crm.createLead({
        title: effect.title,
        status: effect.qualification ? LEAD_STATUS[effect.qualification] : 'open',
        source: 'playbook',
        person: person?.id ?? null,
        organization: organization?.id ?? null,
      });
      return;
    }
    case 'create_deal': {
      const { person, organization } = await personFor(context, trx, effect.answers);
      await crm.createDeal({
        title: effect.title,
        value: effect.value,
        currency: effect.currency,
        person: person?.id ?? null,
        organization: organization?.id ?? null,
      });
      return;
    }
    case 'create_activity': {
      const { person } = await personFor(context, trx, effect.answers);
      await strapi.db.query(uid('activity')).create({
        data: { subject: effect.subject, type: effect.activityType, dueAt: effect.dueAt, person: person?.id ?? null },
      });
      return;
    }
  }
}
