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
  state: FlowState;
}

/**
 * Runs the visitor's playbook one step at a time (A1–A8): the engine (pure) decides what to show
 * and which effects are due; here the effects run and the new state is stored in one transaction,
 * guarded by a version check, so a double-submitted step can never run its effects twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);

  async function resolvePlaybook(playbookDocumentId: string | undefined, pageUrl: string | undefined): Promise<FlowPlaybook> {
    const playbook: FlowPlaybook | null = playbookDocumentId
      ? await service('playbooks').findRunnablePlaybook(playbookDocumentId)
      : pageUrl
        ? await service('playbooks').findPlaybookForPage(pageUrl)
        : null;
    if (!playbook) throw notFound('Playbook');
    return playbook;
  }

  async function loadFlow(visitorId: number): Promise<{ flow: StoredFlow | null; version: number }> {
    const row = await table(strapi, TABLES.visitors).where({ id: visitorId }).first('flow', 'flow_version');
    const raw = row?.flow;
    const flow = (typeof raw === 'string' ? JSON.parse(raw) : raw) as StoredFlow | null;
    return { flow: flow ?? null, version: Number(row?.flow_version ?? 0) };
  }

  return {
    /** One step of the visitor's flow: validate the input, run the engine, run the effects, store. */
    async step(visitor: VisitorRecord, request: { playbookDocumentId?: string; pageUrl?: string; input: FlowStepInput }): Promise<FlowStepAnswer> {
      const playbook = await resolvePlaybook(request.playbookDocumentId, request.pageUrl);
      if (request.pageUrl && request.input.type === 'start') await service('installations').record(playbook.id, request.pageUrl);

      const { flow, version } = await loadFlow(visitor.id);
      // A new start, or another playbook, begins a fresh flow.
      const state = flow && flow.playbookDocumentId === playbook.id && request.input.type !== 'start' ? flow.state : initialFlowState();
      const agentsOnline = (await service('availability').onlineAgentIds()).length > 0;
      const result = next(playbook, state, request.input, { agentsOnline }, new Date());
      if (!result.ok) {
        if (result.code === 'invalid_input') throw invalidInput('Some answers are invalid', result.errors);
        if (result.code === 'unexpected_input') throw conflict('unexpected_input', result.errors[0]?.message ?? 'Not expected now');
        throw conflict('invalid_playbook', 'This playbook cannot run; ask the site owner to check it.');
      }

      const context: EffectContext = { strapi, visitor, playbook, conversationId: null };
      await strapi.db.transaction(async ({ trx }) => {
        for (const effect of result.effects as Effect[]) await runEffect(effect, context, trx);
        const stored: StoredFlow = { playbookDocumentId: playbook.id, state: result.state };
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

