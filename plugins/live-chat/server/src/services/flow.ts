import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  initialFlowState,
  next,
  type Display,
  type Effect,
  type FlowPlaybook,
  type FlowState,
} from '../../../shared/domain';
import { conflict, invalidInput, notFound } from '../errors';
import { table, TABLES } from '../repositories/sql';
import { runEffect, type EffectContext } from './flow-effects';
import type { RunnablePlaybook } from '../playbooks/runtime';
import type { VisitorRecord } from './visitors';

export const flowInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('button'), buttonId: z.string().min(1).max(64) }),
  z.strictObject({
    type: z.literal('capture'),
    values: z.record(z.string().max(32), z.string().max(500)).refine((values) => Object.keys(values).length <= 10, 'Too many fields'),
  }),
  z.strictObject({ type: z.literal('wait_expired') }),
  z.strictObject({ type: z.literal('agent_joined') }),
]);
export type FlowStepInput = z.infer<typeof flowInputSchema>;

export interface FlowStepAnswer {
  playbook: { documentId: string; name: string };
  show: Display[];
  awaiting: 'button' | 'capture' | 'agent' | 'end';
  phase: FlowState['phase'];
  conversationDocumentId: string | null;
}

interface StoredFlow {
  playbookDocumentId: string;
  /** E5: the locale whose texts the flow shows, fixed at `start` so it never switches language mid-way. */
  locale?: string;
  state: FlowState;
}

/**
 * Runs the visitor's playbook one step at a time (A1–A8): the engine (pure) decides what to show
 * and which effects are due; here the effects run and the new state is stored in one transaction,
 * guarded by a version check, so a double-submitted step can never run its effects twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);

  /** The runnable playbook in the texts of `language` (a stored locale matches itself exactly). */
  async function resolvePlaybook(
    playbookDocumentId: string | undefined,
    pageUrl: string | undefined,
    language: string | null,
  ): Promise<RunnablePlaybook> {
    const playbook: RunnablePlaybook | null = playbookDocumentId
      ? await service('playbooks').findRunnablePlaybook(playbookDocumentId, language)
      : pageUrl
        ? await service('playbooks').findPlaybookForPage(pageUrl, language)
        : null;
    if (!playbook) throw notFound('Playbook');
    return playbook;
  }

  async function loadFlow(visitorId: number): Promise<{ flow: StoredFlow | null; version: number; language: string | null }> {
    const row = await table(strapi, TABLES.visitors).where({ id: visitorId }).first('flow', 'flow_version', 'language');
    const raw = row?.flow;
    const flow = (typeof raw === 'string' ? JSON.parse(raw) : raw) as StoredFlow | null;
    const language = typeof row?.language === 'string' && row.language !== '' ? row.language : null;
    return { flow: flow ?? null, version: Number(row?.flow_version ?? 0), language };
  }

  /**
   * B9: the engine refuses a `wait_expired` that comes before the flow's deadline, so a timer firing
   * early cannot cut a wait short. When the server already marked the chat missed (its sweeper
   * decided by the stored deadline), that is the authority: a node whose clock runs behind must not
   * refuse the offline path the visitor was just sent.
   */
  async function clockFor(visitor: VisitorRecord, state: FlowState, input: FlowStepInput): Promise<Date> {
    const now = new Date();
    const deadline = state.liveChat ? Date.parse(state.liveChat.deadlineAt) : NaN;
    if (input.type !== 'wait_expired' || !(deadline > now.getTime())) return now;
    const conversation = await service('visitors').currentConversation(visitor.id);
    return conversation?.missedAt ? new Date(deadline) : now;
  }

  return {
    /**
     * E5: the language the visitor's chat speaks: the locale their flow was started in (fixed for
     * the flow), else the language their page declared, else null (the default locale).
     */
    async chatLanguage(visitorId: number): Promise<string | null> {
      const { flow, language } = await loadFlow(visitorId);
      return flow?.locale || language;
    },

    /** One step of the visitor's flow: validate the input, run the engine, run the effects, store. */
    async step(visitor: VisitorRecord, request: { playbookDocumentId?: string; pageUrl?: string; input: FlowStepInput }): Promise<FlowStepAnswer> {
      const { flow, version, language } = await loadFlow(visitor.id);
      // E5: a start picks the locale from the visitor's language (sent with the session); later
      // steps keep the flow's stored locale, so the flow never switches language mid-way.
      const continuing = request.input.type !== 'start' && flow !== null;
      const playbook = await resolvePlaybook(request.playbookDocumentId, request.pageUrl, continuing ? (flow.locale ?? null) : language);
      if (request.pageUrl && request.input.type === 'start') await service('installations').record(playbook.id, request.pageUrl);

      // A new start, or another playbook, begins a fresh flow.
      const state = continuing && flow.playbookDocumentId === playbook.id ? flow.state : initialFlowState();
      const agentsOnline = (await service('availability').onlineAgentIds()).length > 0;
      const result = next(playbook, state, request.input, { agentsOnline }, await clockFor(visitor, state, request.input));
      if (!result.ok) {
        if (result.code === 'invalid_input') throw invalidInput('Some answers are invalid', result.errors);
        if (result.code === 'unexpected_input') throw conflict('unexpected_input', result.errors[0]?.message ?? 'Not expected now');
        throw conflict('invalid_playbook', 'This playbook cannot run; ask the site owner to check it.');
      }

      const context: EffectContext = { strapi, visitor, playbook, conversationId: null };
      await strapi.db.transaction(async ({ trx }) => {
        for (const effect of result.effects as Effect[]) await runEffect(effect, context, trx);
        const stored: StoredFlow = { playbookDocumentId: playbook.id, locale: playbook.locale, state: result.state };
        const updated = await table(strapi, TABLES.visitors, trx)
          .where({ id: visitor.id, flow_version: version })
          .update({ flow: JSON.stringify(stored), flow_version: version + 1 });
        if (Number(updated) !== 1) throw conflict('flow_changed', 'This step was already taken; reload the chat.');
      });
      await context.afterCommit?.();

      const current = await service('visitors').currentConversation(visitor.id);
      return {
        playbook: { documentId: playbook.id, name: playbook.name },
        show: result.show,
        awaiting: result.awaiting,
        phase: result.state.phase,
        conversationDocumentId: current && current.status !== 'closed' ? current.documentId : null,
      };
    },

    /** The visitor's stored answers so far (for a returning visitor's widget). */
    async answersOf(visitorId: number) {
      const { flow } = await loadFlow(visitorId);
      return flow?.state.answers ?? {};
    },
  };
};

