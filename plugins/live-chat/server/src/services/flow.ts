import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  FLOW_KEY_PATTERN,
  initialFlowState,
  next,
  transcriptClientIdPrefix,
  transcriptLinesOf,
  type Display,
  type Effect,
  type FlowPlaybook,
  type FlowState,
  type TranscriptLine,
} from '../../../shared/domain';
import { conflict, invalidInput, notFound } from '../errors';
import { table, TABLES } from '../repositories/sql';
import { createTimelineRepository, type NewTimelineEntry } from '../repositories/timeline';
import type { Clock } from './clock';
import type { EventBus } from './event-bus';
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
  /**
   * G2: the client ids of the transcript lines this step recorded (what `show` displays and the
   * visitor's answer): the widget, which shows them itself, skips these entries when the
   * conversation's timeline brings them back.
   */
  transcript: string[];
}

interface StoredFlow {
  playbookDocumentId: string;
  /** E5: the locale whose texts the flow shows, fixed at `start` so it never switches language mid-way. */
  locale?: string;
  state: FlowState;
  /** G2: names this flow's transcript lines (`bot-<key>-<n>`); a new start gets a new key. */
  key?: string;
  /** G2: what the bot showed and the visitor answered, recorded here until (and after) the handover. */
  transcript?: TranscriptLine[];
  /** Whether this flow's Live Chat card opened (or joined) a conversation: its lines belong there. */
  handedOver?: boolean;
}

/** A new flow's key (letters and digits, FLOW_KEY_PATTERN). */
const newFlowKey = () => randomBytes(12).toString('hex');

/** A recorded line as the timeline entry it becomes. */
const toEntry = (line: TranscriptLine, visitor: VisitorRecord): NewTimelineEntry & { clientId: string } => ({
  kind: 'text',
  authorKind: line.author,
  authorName: line.author === 'visitor' ? visitor.name : null,
  body: line.body,
  transcript: line.detail,
  audience: 'everyone',
  clientId: line.clientId,
  createdAt: new Date(line.at),
});

/**
 * Runs the visitor's playbook one step at a time (A1–A8): the engine (pure) decides what to show
 * and which effects are due; here the effects run and the new state is stored in one transaction,
 * guarded by a version check, so a double-submitted step can never run its effects twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const timeline = createTimelineRepository(strapi);

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
    const now = (service('clock') as Clock).now();
    const deadline = state.liveChat ? Date.parse(state.liveChat.deadlineAt) : NaN;
    if (input.type !== 'wait_expired' || !(deadline > now.getTime())) return now;
    const conversation = await service('visitors').currentConversation(visitor.id);
    return conversation?.missedAt ? new Date(deadline) : now;
  }

  /**
   * G2: after a step of a flow that handed over, the lines its conversation lacks (this step's, or
   * any a crash kept from being written) go into the visitor's open conversation, once each (by
   * client id), and are announced like messages. A closed conversation takes nothing.
   */
  async function writeTranscript(visitor: VisitorRecord, key: string, lines: TranscriptLine[]): Promise<void> {
    if (lines.length === 0) return;
    const current = await service('visitors').currentConversation(visitor.id);
    if (!current || current.status === 'closed') return;
    const prefix = transcriptClientIdPrefix(key);
    const entries = lines.filter((line) => line.clientId.startsWith(prefix)).map((line) => toEntry(line, visitor));
    const appended = await strapi.db.transaction(({ trx }) => timeline.appendMissing(trx, current.id, entries));
    if (appended.entries.length === 0) return;
    const conversation = await service('visitors').currentConversation(visitor.id);
    for (const entry of appended.entries) {
      await (service('event-bus') as EventBus).publish({ type: 'message:created', conversation: conversation ?? current, entries: [entry], actorId: null });
    }
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
      const same = continuing && flow.playbookDocumentId === playbook.id;
      const state = same ? flow.state : initialFlowState();
      const key = same && flow.key && FLOW_KEY_PATTERN.test(flow.key) ? flow.key : newFlowKey();
      const recorded = same ? (flow.transcript ?? []) : [];
      const agentsOnline = (await service('availability').onlineAgentIds()).length > 0;
      const result = next(playbook, state, request.input, { agentsOnline }, await clockFor(visitor, state, request.input));
      if (!result.ok) {
        if (result.code === 'invalid_input') throw invalidInput('Some answers are invalid', result.errors);
        if (result.code === 'unexpected_input') throw conflict('unexpected_input', result.errors[0]?.message ?? 'Not expected now');
        throw conflict('invalid_playbook', 'This playbook cannot run; ask the site owner to check it.');
      }

      // G2: this step's lines, recorded with the state, so a refused (409) double step records nothing.
      const lines = transcriptLinesOf(key, recorded.length, result, new Date());
      const transcript = [...recorded, ...lines];
      const handedOver = (same && flow.handedOver === true) || result.effects.some((effect) => effect.type === 'start_conversation');
      const context: EffectContext = {
        strapi,
        visitor,
        playbook,
        conversationId: null,
        transcript: transcript.map((line) => toEntry(line, visitor)),
      };
      await strapi.db.transaction(async ({ trx }) => {
        for (const effect of result.effects as Effect[]) await runEffect(effect, context, trx);
        const stored: StoredFlow = { playbookDocumentId: playbook.id, locale: playbook.locale, state: result.state, key, transcript, handedOver };
        const updated = await table(strapi, TABLES.visitors, trx)
          .where({ id: visitor.id, flow_version: version })
          .update({ flow: JSON.stringify(stored), flow_version: version + 1 });
        if (Number(updated) !== 1) throw conflict('flow_changed', 'This step was already taken; reload the chat.');
      });
      await context.afterCommit?.();
      // A conversation this step opened holds the whole transcript already.
      if (handedOver && context.conversationId === null) await writeTranscript(visitor, key, transcript);

      const current = await service('visitors').currentConversation(visitor.id);
      return {
        playbook: { documentId: playbook.id, name: playbook.name },
        show: result.show,
        awaiting: result.awaiting,
        phase: result.state.phase,
        conversationDocumentId: current && current.status !== 'closed' ? current.documentId : null,
        transcript: lines.map((line) => line.clientId),
      };
    },

    /** The visitor's stored answers so far (for a returning visitor's widget). */
    async answersOf(visitorId: number) {
      const { flow } = await loadFlow(visitorId);
      return flow?.state.answers ?? {};
    },
  };
};

