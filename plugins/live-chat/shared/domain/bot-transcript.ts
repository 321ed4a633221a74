/**
 * G2: the bot part of a chat as timeline lines. The server records, step by step, what the playbook
 * showed and what the visitor answered (never the widget's account of it); when the Live Chat card
 * hands over, the lines become the conversation's first entries, each with its own time. Pure.
 */
import { z } from 'zod';
import { MESSAGE_MAX_LENGTH } from './messaging';
import { richTextToMarkup } from './rich-text-markup';
import { CAPTURE_FIELDS, type CaptureField } from './playbook-cards';
import type { Display, Heard } from './playbook-flow';

/** What kind of line it is, and what the inbox needs beyond its text to show it. */
export const transcriptDetailSchema = z.discriminatedUnion('type', [
  /** A bot message, or the Live Chat card's online or offline message. */
  z.object({ type: z.literal('bot_message') }),
  /** A question; the body is its prompt, `buttons` the labels offered. */
  z.object({ type: z.literal('question'), buttons: z.array(z.string()) }),
  /** A capture form; the body is its prompt (may be empty), `fields` what it asked for. */
  z.object({ type: z.literal('capture'), fields: z.array(z.enum(CAPTURE_FIELDS)) }),
  /** The visitor's choice; the body is the button's label. */
  z.object({ type: z.literal('button'), buttonId: z.string() }),
  /** The visitor's capture answers, by field; the body lists them with English labels. */
  z.object({ type: z.literal('capture_values'), values: z.array(z.object({ field: z.enum(CAPTURE_FIELDS), value: z.string() })) }),
]);
export type TranscriptDetail = z.infer<typeof transcriptDetailSchema>;

/** One recorded line, as the flow state keeps it until it is written into a conversation. */
export interface TranscriptLine {
  /** `bot-<flow key>-<n>`: the line's client id in the conversation, so it is never stored twice (E2). */
  clientId: string;
  /** ISO time the line was shown or answered. */
  at: string;
  author: 'bot' | 'visitor';
  /** Chat markup (shared/domain/rich-text-markup.ts), like every message body. */
  body: string;
  detail: TranscriptDetail;
}

/** Lines a flow records at most: a playbook that loops on a question must not grow the state forever. */
export const MAX_TRANSCRIPT_LINES = 200;

/** The English labels a capture answer's body uses (the inbox and the widget show their own translations). */
export const CAPTURE_FIELD_LABELS: Record<CaptureField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  organization: 'Organization',
};

/** A flow's key: letters and digits, so `bot-<key>-<n>` is a valid client id (8–64 of [A-Za-z0-9_-]). */
export const FLOW_KEY_PATTERN = /^[A-Za-z0-9]{8,32}$/;

export const transcriptClientId = (flowKey: string, index: number) => `bot-${flowKey}-${index}`;
/** The prefix every line of a flow's transcript shares. */
export const transcriptClientIdPrefix = (flowKey: string) => `bot-${flowKey}-`;

const cut = (text: string) => (text.length > MESSAGE_MAX_LENGTH ? text.slice(0, MESSAGE_MAX_LENGTH) : text);

function botLine(item: Display): Pick<TranscriptLine, 'body' | 'detail'> {
  switch (item.kind) {
    case 'message':
      return { body: richTextToMarkup(item.richText), detail: { type: 'bot_message' } };
    case 'live_chat_online':
    case 'live_chat_offline':
      return { body: richTextToMarkup(item.message), detail: { type: 'bot_message' } };
    case 'question':
      return { body: richTextToMarkup(item.prompt), detail: { type: 'question', buttons: item.buttons.map((button) => button.label) } };
    case 'capture':
      return { body: richTextToMarkup(item.prompt), detail: { type: 'capture', fields: [...item.fields] as CaptureField[] } };
  }
}

function visitorLine(heard: Heard): Pick<TranscriptLine, 'body' | 'detail'> {
  if (heard.kind === 'button') return { body: heard.label, detail: { type: 'button', buttonId: heard.buttonId } };
  const body = heard.values.map(({ field, value }) => `${CAPTURE_FIELD_LABELS[field]}: ${value}`).join('\n');
  return { body, detail: { type: 'capture_values', values: heard.values.map((v) => ({ ...v })) } };
}

/**
 * The lines of one step, numbered on from `recorded` (the lines the flow holds already): first what
 * the visitor answered, then what the bot showed in reply, all at `now`. Nothing past
 * MAX_TRANSCRIPT_LINES.
 */
export function transcriptLinesOf(
  flowKey: string,
  recorded: number,
  step: { heard: readonly Heard[]; show: readonly Display[] },
  now: Date,
): TranscriptLine[] {
  const at = now.toISOString();
  const lines = [
    ...step.heard.map((heard) => ({ author: 'visitor' as const, ...visitorLine(heard) })),
    ...step.show.map((item) => ({ author: 'bot' as const, ...botLine(item) })),
  ];
  return lines
    .slice(0, Math.max(0, MAX_TRANSCRIPT_LINES - recorded))
    .map((line, index) => ({ ...line, body: cut(line.body), at, clientId: transcriptClientId(flowKey, recorded + index) }));
}
