import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import type { ConversationCrmRecordsResponse, CreatedCrmRecord, CrmContactRef, CrmRecordRef } from '../../../shared/contracts/crm';
import { planCrmRecord, type Agent, type CrmKind, type CrmPlan } from '../../../shared/domain';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { createCrmRepository } from '../repositories/crm';
import { createTimelineRepository } from '../repositories/timeline';
import type { Transaction } from '../repositories/sql';
import { refusalError, toTimelineEntryInput, type ConversationService } from './conversations';
import type { EventBus } from './event-bus';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const crm = createCrmRepository(strapi);
  const timeline = createTimelineRepository(strapi);
  const conversationService = () => strapi.plugin('live-chat').service('conversations') as ConversationService;
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;

  async function resolveOrganization(plan: CrmPlan) {
    if (!plan.organization) return null;
    if ('reuseId' in plan.organization) return { id: plan.organization.reuseId };
    return crm.createOrganization(plan.organization.create);
  }

  async function resolvePerson(plan: CrmPlan, organizationId: number | null) {
    if (!plan.person) return null;
    if ('reuseId' in plan.person) return { id: plan.person.reuseId };
    return crm.createPerson({ ...plan.person.create, organization: organizationId });
  }

  async function store(trx: Transaction, record: ConversationRecord, kind: CrmKind, agent: Agent, title?: string) {
    const email = record.sidePanel.personEmail;
    const orgName = record.sidePanel.organizationName;
    const existing = {
      personByEmail: email ? await crm.findPersonByEmail(trx, email) : null,
      organizationByName: orgName ? await crm.findOrganizationByName(trx, orgName) : null,
    };
    const result = planCrmRecord(kind, record.sidePanel, existing, agent, new Date(), title);
    if (!result.ok) throw refusalError(result.refusal);
    const { plan } = result;

    const organization = await resolveOrganization(plan);
    const person = await resolvePerson(plan, organization?.id ?? null);
    const links = { person: person?.id ?? null, organization: organization?.id ?? null, conversation: record.id };
    const created =
      plan.record.kind === 'lead'
        ? await crm.createLead({ ...links, title: plan.record.title, value: plan.record.value, currency: plan.record.currency, source: 'live_chat' })
        : await crm.createDeal({
            ...links,
            title: plan.record.title,
            value: plan.record.value,
            currency: plan.record.currency,
            expectedCloseDate: plan.record.expectedCloseDate,
          });
    await conversations.linkCrm(trx, record.id, { personId: links.person, organizationId: links.organization });
    const event = { ...plan.event, data: { ...plan.event.data, documentId: created.documentId } };
    const { entries } = await timeline.append(trx, record.id, [toTimelineEntryInput(event, agent.displayName)]);
    return { created, entries, person, organization };
  }

  async function recordsOf(kind: CrmKind, conversationId: number): Promise<CrmRecordRef[]> {
    const rows: Array<{ documentId: string; title: string; createdAt: Date | string }> = await strapi.db
      .query(uid(kind))
      .findMany({ where: { conversation: { id: conversationId } }, select: ['documentId', 'title', 'createdAt'], orderBy: { id: 'asc' } });
    return rows.map((row) => ({ kind, documentId: row.documentId, title: row.title, createdAt: new Date(row.createdAt).toISOString() }));
  }

  async function contactOf(target: 'person' | 'organization', id: number | null): Promise<CrmContactRef | null> {
    if (id === null) return null;
    const row = await strapi.db.query(uid(target)).findOne({ where: { id }, select: ['documentId', 'name'] });
    return row ? { documentId: row.documentId as string, name: (row.name as string | null) ?? null } : null;
  }

  return {
    /** C2: the person, organization, leads and deals linked to a conversation the agent may see (B6). */
    async linked(agent: Agent, documentId: string): Promise<ConversationCrmRecordsResponse['data']> {
      const record = await conversationService().loadVisible(agent, documentId);
      const [person, organization, leads, deals] = await Promise.all([
        contactOf('person', record.personId),
        contactOf('organization', record.organizationId),
        recordsOf('lead', record.id),
        recordsOf('deal', record.id),
      ]);
      return { person, organization, leads, deals };
    },

    /**
     * C2: creates a lead or a deal from the side panel, with its person and organization
     * (de-duplicated by email / name), linked to the conversation; never closes it, works after close.
     */
    async create(agent: Agent, documentId: string, kind: CrmKind, title?: string): Promise<CreatedCrmRecord> {
      const record = await conversationService().loadVisible(agent, documentId);
      const { created, entries, person, organization } = await strapi.db.transaction(({ trx }) =>
        store(trx, record, kind, agent, title),
      );
      const updated = (await conversations.findById(record.id)) as ConversationRecord;
      await bus().publish({
        type: kind === 'lead' ? 'lead:created' : 'deal:created',
        conversation: updated,
        entries,
        actorId: agent.id,
        record: { id: created.id, documentId: created.documentId, title: created.title },
      });
      const documentIdOf = async (target: 'person' | 'organization', id: number | undefined) => {
        if (!id) return null;
        const row = await strapi.db.query(`plugin::live-chat.${target}`).findOne({ where: { id }, select: ['documentId'] });
        return row ? { documentId: row.documentId as string } : null;
      };
      return {
        kind,
        documentId: created.documentId,
        title: created.title,
        person: await documentIdOf('person', person?.id),
        organization: await documentIdOf('organization', organization?.id),
      };
    },
  };
};
