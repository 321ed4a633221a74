/**
 * Between the admin API and the card table: a card's fields are validated and normalized by the
 * domain (A3, A4, A6) before anything is written, and stored cards are sanitized again on the way
 * out, so the editor, the widget and the flow engine only ever see allowed rich text.
 */
import type { CardKind } from '../../../shared/constants';
import type { PlaybookCard } from '../../../shared/contracts/playbooks';
import {
  validateCard,
  validateCardSettings,
  validateLiveChatCard,
  type FieldError,
  type FlowCard,
} from '../../../shared/domain/playbook-cards';
import { overlayTexts } from '../../../shared/domain/playbook-locales';
import { sanitizeRichText, type RichText } from '../../../shared/domain/rich-text';
import type { CardData, CardRecord } from '../repositories/playbooks';
import { toStoredBlocks } from './stored-blocks';

/** A card's editable fields as an admin sends them (rich text not yet sanitized). */
export interface CardFields {
  kind: CardKind;
  title?: string | null;
  settings?: Record<string, unknown> | null;
  onlineMessage?: unknown;
  waitTimeSeconds?: number | null;
  offlineMessage?: unknown;
}

export type CardContent = { ok: true; data: CardData; view: Omit<PlaybookCard, 'documentId' | 'position'> } | { ok: false; errors: FieldError[] };

/**
 * Validates one card with the domain's rules and returns what to store, or its field errors (paths
 * rooted at the card: `settings.buttons.0.label`, `waitTimeSeconds`, …). Only a Live Chat card keeps
 * messages and a wait time; other kinds store none, so a stale value can never resurface.
 */
export function normalizeCard(fields: CardFields, savedAt: Date): CardContent {
  const card = {
    kind: fields.kind,
    settings: fields.settings ?? null,
    onlineMessage: fields.onlineMessage ?? null,
    waitTimeSeconds: fields.waitTimeSeconds ?? null,
    offlineMessage: fields.offlineMessage ?? null,
  };
  const errors = validateCard(card);
  if (errors.length > 0) return { ok: false, errors };
  const title = fields.title?.trim() || null;

  if (card.kind === 'live_chat') {
    const live = validateLiveChatCard(card);
    if (!live.ok) return { ok: false, errors: live.errors };
    const { onlineMessage, offlineMessage, waitTimeSeconds, ...settings } = live.value;
    const view = { kind: card.kind, title, settings, onlineMessage, waitTimeSeconds, offlineMessage };
    const data: CardData = {
      ...view,
      onlineMessage: toStoredBlocks(onlineMessage, savedAt),
      offlineMessage: toStoredBlocks(offlineMessage, savedAt),
    };
    return { ok: true, data, view };
  }

  const parsed = validateCardSettings(card.kind, card.settings);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, path: ['settings', ...e.path] })) };
  // The parsed settings are plain JSON (zod output of a JSON input); the cast only widens the type.
  const settings = parsed.settings as Record<string, unknown>;
  const view = { kind: card.kind, title, settings, onlineMessage: null, waitTimeSeconds: null, offlineMessage: null };
  return { ok: true, data: view, view };
}

const richTextOrNull = (value: unknown): RichText | null => (value === null || value === undefined ? null : sanitizeRichText(value));

/** A stored card as the editor shows it; rich text sanitized again on read (A4). */
export function toCardView(record: CardRecord): PlaybookCard {
  const settings = validateCardSettings(record.kind, record.settings);
  return {
    documentId: record.documentId,
    kind: record.kind,
    position: record.position,
    title: record.title,
    // Settings hold rich text too (bot messages, prompts); a card stored before a rule tightened
    // is shown as stored, and publishing reports what to fix.
    settings: settings.ok ? (settings.settings as Record<string, unknown>) : record.settings,
    onlineMessage: richTextOrNull(record.onlineMessage),
    waitTimeSeconds: record.waitTimeSeconds,
    offlineMessage: richTextOrNull(record.offlineMessage),
  };
}

/** A stored card in the flow engine's shape; card ids are document ids (A1). */
export function toFlowCard(record: CardRecord): FlowCard {
  return {
    id: record.documentId,
    kind: record.kind,
    position: record.position,
    title: record.title,
    settings: record.settings,
    onlineMessage: record.onlineMessage,
    waitTimeSeconds: record.waitTimeSeconds,
    offlineMessage: record.offlineMessage,
  };
}

/**
 * A default-locale card with the texts of its copy in another locale laid over it (the structure
 * stays the default's, shared/domain/playbook-locales.ts); without a copy, the default card.
 */
export function overlayCardRecord(base: CardRecord, copy: CardRecord | undefined): CardRecord {
  if (!copy) return base;
  const merged = overlayTexts(toFlowCard(base), copy);
  return { ...base, settings: merged.settings ?? {}, onlineMessage: merged.onlineMessage ?? null, offlineMessage: merged.offlineMessage ?? null };
}
