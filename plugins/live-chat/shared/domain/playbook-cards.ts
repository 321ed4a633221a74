/**
 * What a playbook may contain (A1, A3, A6): the settings each card kind accepts, the links between
 * cards, and the visitor answers a capture card accepts. The admin API answers 400 with these field
 * errors; the flow engine (playbook-flow.ts) runs only what passes them.
 */
import { z } from 'zod';
import { CARD_KINDS, DB_DECIMAL_MAX, WAIT_TIME_SECONDS, type CardKind } from '../constants';
import { businessHoursSchema } from './business-hours';
import { isRichTextEmpty, sanitizeRichText, type RichText } from './rich-text';

export interface FlowCard {
  id: string;
  kind: CardKind;
  position: number;
  title?: string | null;
  settings: Record<string, unknown> | null;
  onlineMessage?: unknown;
  waitTimeSeconds?: number | null;
  offlineMessage?: unknown;
}
/** Cards in any order: the engine sorts them by position itself. */
export interface FlowPlaybook { id: string; name: string; cards: FlowCard[] }
export interface FieldError { path: string[]; message: string }
export interface Answers { name?: string; email?: string; phone?: string; organization?: string }

export const CAPTURE_FIELDS = ['name', 'email', 'phone', 'organization'] as const;
export type CaptureField = (typeof CAPTURE_FIELDS)[number];
export const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'email', 'follow_up'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** Bounds of card settings; the admin's forms read them so their limits match the server's. */
export const CARD_LIMITS = {
  buttons: { min: 1, max: 10 },
  buttonLabelMax: 80,
  reasonMax: 500,
  recordTitleMax: 200,
  subjectMax: 200,
  dueInHoursMax: 8760,
} as const;

/** Stored rich text is sanitized on save (A4); render sanitizes again. */
const richText = z.array(z.unknown(), { error: 'Must be rich text (a list of blocks)' }).transform(sanitizeRichText);
const nonEmptyRichText = (what: string) => richText.refine((rt) => !isRichTextEmpty(rt), `${what} is empty`);
const cardId = z.string().trim().min(1, 'Choose a card').max(200);
/** Omitted: the following card by position; null: the flow ends here. */
const nextCard = cardId.nullable().optional();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Adds an issue at each index whose key was already seen, so the admin can point at the duplicate. */
const uniqueBy =
  <T>(key: (item: T) => string, field: string | null, message: string) =>
  (items: T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: field === null ? [i] : [i, field] });
      seen.add(k);
    });
  };

const button = z.object({
  id: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1, 'The label is empty').max(CARD_LIMITS.buttonLabelMax),
  next: nextCard,
});
const captureFields = z.array(z.enum(CAPTURE_FIELDS)).min(1).max(4);

const SETTINGS_SCHEMAS = {
  bot_message: z.object({ message: nonEmptyRichText('The message'), next: nextCard }),
  question: z.object({
    prompt: richText,
    buttons: z
      .array(button)
      .min(CARD_LIMITS.buttons.min)
      .max(CARD_LIMITS.buttons.max)
      .superRefine(uniqueBy((b) => b.id, 'id', 'Button ids must be unique')),
  }),
  capture: z
    .object({
      prompt: richText.optional(),
      fields: captureFields.superRefine(uniqueBy((f) => f, null, 'Each field may be asked once')),
      required: z.array(z.enum(CAPTURE_FIELDS)).max(4).optional(),
      next: nextCard,
    })
    .superRefine((s, ctx) => {
      s.required?.forEach((f, i) => {
        if (!s.fields.includes(f)) ctx.addIssue({ code: 'custom', message: `"${f}" is not asked`, path: ['required', i] });
      });
    }),
  qualify: z.object({ reason: optionalText(CARD_LIMITS.reasonMax), next: nextCard }),
  disqualify: z.object({ reason: optionalText(CARD_LIMITS.reasonMax), next: nextCard }),
  create_lead: z.object({ title: optionalText(CARD_LIMITS.recordTitleMax), next: nextCard }),
  create_deal: z.object({
    title: optionalText(CARD_LIMITS.recordTitleMax),
    // The deal it creates stores the value in a decimal(10, 2) column (F4).
    value: z.number().min(0).max(DB_DECIMAL_MAX).nullish(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'Use a 3-letter ISO 4217 currency code')
      .transform((c) => c.toUpperCase())
      .nullish(),
    next: nextCard,
  }),
  create_activity: z.object({
    subject: z.string().trim().min(1, 'The subject is empty').max(CARD_LIMITS.subjectMax),
    type: z.enum(ACTIVITY_TYPES).nullish(),
    dueInHours: z.number().int().min(0).max(CARD_LIMITS.dueInHoursMax).nullish(),
    next: nextCard,
  }),
  availability_branch: z.object({ online: cardId.nullable(), offline: cardId.nullable() }),
  live_chat: z.object({
    offlineNext: nextCard,
    // G7: off by default; on, a new chat goes to an online agent by round robin within capacity.
    autoAssign: z.boolean().optional(),
    // G7: outside these hours the offline path runs at once; none means always open.
    businessHours: businessHoursSchema.nullish(),
  }),
} as const satisfies Record<CardKind, z.ZodType>;

export type CardSettingsByKind = { [K in CardKind]: z.output<(typeof SETTINGS_SCHEMAS)[K]> };
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
export type SettingsValidation<K extends CardKind> =
  | { ok: true; settings: CardSettingsByKind[K] }
  | { ok: false; errors: FieldError[] };

const toFieldErrors = (error: z.ZodError, prefix: string[] = []): FieldError[] =>
  error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map(String)], message: issue.message }));

/** Validates (and normalizes) one card's settings for its kind; `null` settings count as `{}`. */
export function validateCardSettings<K extends CardKind>(kind: K, settings: unknown): SettingsValidation<K> {
  if (!(CARD_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, errors: [{ path: ['kind'], message: `Unknown card kind "${String(kind)}"` }] };
  }
  // The lookup by a generic key loses the kind/schema pairing TypeScript cannot track; the table above pins it.
  const schema = SETTINGS_SCHEMAS[kind] as unknown as z.ZodType<CardSettingsByKind[K]>;
  const parsed = schema.safeParse(settings ?? {});
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

export interface LiveChatContent { onlineMessage: RichText; offlineMessage: RichText; waitTimeSeconds: number }
const liveChatContent = z.object({
  onlineMessage: nonEmptyRichText('The online message'),
  offlineMessage: nonEmptyRichText('The offline message'),
  waitTimeSeconds: z
    .number()
    .int('Use whole seconds')
    .min(WAIT_TIME_SECONDS.min, `At least ${WAIT_TIME_SECONDS.min} seconds`)
    .max(WAIT_TIME_SECONDS.max, `At most ${WAIT_TIME_SECONDS.max} seconds`)
    .nullish()
    .transform((s) => s ?? WAIT_TIME_SECONDS.default),
});

/** Validates a Live Chat card's own fields (A3): both messages and the wait time (default if unset). */
export function validateLiveChatContent(
  card: Pick<FlowCard, 'onlineMessage' | 'offlineMessage' | 'waitTimeSeconds'>,
): Validation<LiveChatContent> {
  const { onlineMessage, offlineMessage, waitTimeSeconds } = card;
  const parsed = liveChatContent.safeParse({ onlineMessage, offlineMessage, waitTimeSeconds });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

type CardFields = Pick<FlowCard, 'kind' | 'settings' | 'onlineMessage' | 'offlineMessage' | 'waitTimeSeconds'>;
export type LiveChatCardContent = CardSettingsByKind['live_chat'] & LiveChatContent;

/** A Live Chat card's settings and own fields in one, errors rooted at the card (`settings.…`, `waitTimeSeconds`). */
export function validateLiveChatCard(card: Omit<CardFields, 'kind'>): Validation<LiveChatCardContent> {
  const settings = validateCardSettings('live_chat', card.settings);
  const content = validateLiveChatContent(card);
  if (settings.ok && content.ok) return { ok: true, value: { ...settings.settings, ...content.value } };
  const settingsErrors = settings.ok ? [] : settings.errors.map((e) => ({ ...e, path: ['settings', ...e.path] }));
  return { ok: false, errors: [...settingsErrors, ...(content.ok ? [] : content.errors)] };
}

/** Every field error of one card, paths rooted at the card (`settings.…`, `waitTimeSeconds`, …). */
export function validateCard(card: CardFields): FieldError[] {
  if (card.kind === 'live_chat') {
    const live = validateLiveChatCard(card);
    return live.ok ? [] : live.errors;
  }
  const settings = validateCardSettings(card.kind, card.settings);
  if (settings.ok) return [];
  return settings.errors.map((e) => ({ ...e, path: e.path[0] === 'kind' ? e.path : ['settings', ...e.path] }));
}

interface Link { path: string[]; target: string | null | undefined }
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asTarget = (v: unknown): string | null | undefined => (typeof v === 'string' || v === null ? v : undefined);

/** The links a card's (unvalidated) settings hold; `automatic` links are followed without the visitor. */
function linksOf(card: FlowCard): { automatic: Link[]; onAnswer: Link[] } {
  const s = isRecord(card.settings) ? card.settings : {};
  switch (card.kind) {
    case 'question': {
      const buttons = Array.isArray(s.buttons) ? s.buttons : [];
      return {
        automatic: [],
        onAnswer: buttons.map((b, i) => ({
          path: ['buttons', String(i), 'next'],
          target: isRecord(b) ? asTarget(b.next) : undefined,
        })),
      };
    }
    case 'capture':
      return { automatic: [], onAnswer: [{ path: ['next'], target: asTarget(s.next) }] };
    case 'availability_branch':
      return {
        automatic: (['online', 'offline'] as const).map((k) => ({ path: [k], target: asTarget(s[k]) })),
        onAnswer: [],
      };
    case 'live_chat':
      // With every agent offline the offline path runs at once, so it can loop without the visitor.
      return { automatic: [{ path: ['offlineNext'], target: asTarget(s.offlineNext) }], onAnswer: [] };
    default:
      return { automatic: [{ path: ['next'], target: asTarget(s.next) }], onAnswer: [] };
  }
}

/** Graph errors of a playbook: duplicate ids, links to missing cards, loops no visitor answer breaks. */
export function validatePlaybookGraph(playbook: FlowPlaybook): FieldError[] {
  const errors: FieldError[] = [];
  const sorted = [...playbook.cards].sort((a, b) => a.position - b.position);
  const ids = new Set<string>();
  for (const card of sorted) {
    if (ids.has(card.id)) errors.push({ path: ['cards', card.id, 'id'], message: 'Two cards share this id' });
    ids.add(card.id);
  }
  const edges = new Map<string, Array<{ from: string; path: string[]; to: string }>>();
  sorted.forEach((card, index) => {
    const { automatic, onAnswer } = linksOf(card);
    for (const link of [...automatic, ...onAnswer]) {
      if (typeof link.target === 'string' && !ids.has(link.target)) {
        errors.push({ path: ['cards', card.id, 'settings', ...link.path], message: `No card "${link.target}" in this playbook` });
      }
    }
    const following = sorted[index + 1]?.id ?? null;
    const targets = automatic
      .map((l) => ({ from: card.id, path: l.path, to: l.target === undefined ? following : l.target }))
      .filter((e): e is { from: string; path: string[]; to: string } => e.to !== null && ids.has(e.to));
    edges.set(card.id, [...(edges.get(card.id) ?? []), ...targets]);
  });
  return [...errors, ...automaticLoops(sorted.map((c) => c.id), edges)];
}

/** Finds cycles of automatic links with an iterative DFS (no recursion: playbooks may be long). */
function automaticLoops(ids: string[], edges: Map<string, Array<{ from: string; path: string[]; to: string }>>): FieldError[] {
  const errors: FieldError[] = [];
  const state = new Map<string, 'active' | 'done'>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const edge = (edges.get(frame.id) ?? [])[frame.next];
      frame.next += 1;
      if (!edge) {
        state.set(frame.id, 'done');
        stack.pop();
      } else if (state.get(edge.to) === 'active') {
        const message = 'This link loops back without waiting for the visitor';
        errors.push({ path: ['cards', edge.from, 'settings', ...edge.path], message });
      } else if (!state.has(edge.to)) {
        state.set(edge.to, 'active');
        stack.push({ id: edge.to, next: 0 });
      }
    }
  }
  return errors;
}

const PHONE = /^\+[1-9]\d{6,14}$/;
const FIELD_RULES: Record<CaptureField, (raw: string) => { value: string } | { message: string }> = {
  name: (raw) => (raw.length <= 200 ? { value: raw } : { message: 'At most 200 characters' }),
  organization: (raw) => (raw.length <= 200 ? { value: raw } : { message: 'At most 200 characters' }),
  email: (raw) => (z.email().max(254).safeParse(raw).success ? { value: raw } : { message: 'Enter a valid email address' }),
  phone: (raw) => {
    // Visitors type numbers with spaces, dashes and parentheses; the CRM stores one normal form.
    const normal = raw.replace(/[\s\-()]/g, '');
    return PHONE.test(normal) ? { value: normal } : { message: 'Enter an international number, e.g. +49 30 1234567' };
  },
};

/** Validates a visitor's capture answers (A6) against the card's fields; blank optional fields are skipped. */
export function validateCaptureValues(
  fields: readonly CaptureField[],
  required: readonly CaptureField[],
  values: unknown,
): Validation<Answers> {
  if (!isRecord(values)) return { ok: false, errors: [{ path: ['values'], message: 'Expected an object of field values' }] };
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    const raw = values[field];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      errors.push({ path: ['values', field], message: 'Expected text' });
      continue;
    }
    const text = (raw ?? '').trim();
    if (text === '') {
      if (required.includes(field)) errors.push({ path: ['values', field], message: 'This field is required' });
      continue;
    }
    const rule = FIELD_RULES[field](text);
    if ('message' in rule) errors.push({ path: ['values', field], message: rule.message });
    else answers[field] = rule.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: answers };
}
