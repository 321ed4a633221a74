/**
 * Per-language copies of playbooks (A1, A3, A6, E5). A playbook's *structure* (which cards, their
 * order, links, button ids, capture fields, deal values, wait time) always comes from the default
 * locale; a copy in another locale only supplies texts. These pure rules decide which locale a
 * visitor gets, which parts of a card are texts, and how a copy's texts are laid over the default
 * cards, so a copy can never change where the flow goes.
 */
import type { CardKind } from '../constants';
import type { FieldError, FlowCard, FlowPlaybook } from './playbook-cards';
import { isRichTextEmpty } from './rich-text';

/** The settings keys of each card kind that are texts a copy may translate; everything else is structure. */
export const TRANSLATABLE_SETTINGS: { readonly [K in CardKind]: readonly string[] } = {
  bot_message: ['message'],
  question: ['prompt', 'buttons'],
  capture: ['prompt'],
  qualify: ['reason'],
  disqualify: ['reason'],
  create_lead: ['title'],
  create_deal: ['title'],
  create_activity: ['subject'],
  availability_branch: [],
  live_chat: [],
};
/** Rich-text settings (the others are plain strings, except the buttons' labels). */
const RICH_SETTINGS = new Set(['message', 'prompt']);

/** The card fields a copy carries: its texts only (rich text unsanitized; readers sanitize, A4). */
export type CardTexts = Pick<FlowCard, 'settings' | 'onlineMessage' | 'offlineMessage'>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const hasRichText = (v: unknown): boolean => Array.isArray(v) && !isRichTextEmpty(v);

/**
 * Which of the locales a visitor gets for their language tag (E5): the exact tag (case-insensitive),
 * then its primary subtag (`sv-SE` → `sv`), then a locale of the same language (`es` → `es-MX`),
 * else the default locale.
 */
export function matchLocale(requested: string | null | undefined, available: readonly string[], defaultLocale: string): string {
  if (!requested) return defaultLocale;
  const wanted = requested.trim().toLowerCase();
  const exact = available.find((code) => code.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0] ?? '';
  const byPrimary = available.find((code) => code.toLowerCase() === primary);
  if (byPrimary) return byPrimary;
  const sameLanguage = available.find((code) => code.toLowerCase().split('-')[0] === primary);
  return sameLanguage ?? defaultLocale;
}

/** Only the texts of a card (what a copy in another locale holds); buttons keep their id to be matched by. */
export function textsOf(card: Pick<FlowCard, 'kind'> & CardTexts): CardTexts {
  const settings = isRecord(card.settings) ? card.settings : {};
  const texts: Record<string, unknown> = {};
  for (const key of TRANSLATABLE_SETTINGS[card.kind] ?? []) {
    if (!(key in settings)) continue;
    texts[key] =
      key === 'buttons' && Array.isArray(settings.buttons)
        ? settings.buttons.filter(isRecord).map((b) => ({ id: b.id, label: b.label }))
        : settings[key];
  }
  const live = card.kind === 'live_chat';
  return { settings: texts, onlineMessage: live ? (card.onlineMessage ?? null) : null, offlineMessage: live ? (card.offlineMessage ?? null) : null };
}

/** One translated settings value laid over the default one; blank or malformed translations keep the default. */
function overlayValue(key: string, base: unknown, translated: unknown): unknown {
  if (key === 'buttons') {
    if (!Array.isArray(base) || !Array.isArray(translated)) return base;
    const labels = new Map(translated.filter(isRecord).map((b) => [b.id, b.label]));
    return base.map((button) => {
      if (!isRecord(button)) return button;
      const label = labels.get(button.id);
      return hasText(label) ? { ...button, label } : button;
    });
  }
  if (RICH_SETTINGS.has(key)) return hasRichText(translated) ? translated : base;
  return hasText(translated) ? translated : base;
}

/**
 * A default-locale card with a copy's texts laid over it: the message, prompt, button labels
 * (matched by button id), reason, record title, activity subject, and the Live Chat messages.
 * Structure (links, button ids and order, fields, values, wait time, kind, position) always stays
 * the default's; a card without a copy (`translation` undefined) keeps the default texts.
 */
export function overlayTexts<C extends FlowCard>(base: C, translation: CardTexts | null | undefined): C {
  if (!translation) return base;
  const settings = isRecord(base.settings) ? { ...base.settings } : base.settings;
  const translated = isRecord(translation.settings) ? translation.settings : {};
  if (settings !== null) {
    for (const key of TRANSLATABLE_SETTINGS[base.kind] ?? []) {
      if (key in settings && key in translated) settings[key] = overlayValue(key, settings[key], translated[key]);
    }
  }
  if (base.kind !== 'live_chat') return { ...base, settings };
  return {
    ...base,
    settings,
    onlineMessage: hasRichText(translation.onlineMessage) ? translation.onlineMessage : base.onlineMessage,
    offlineMessage: hasRichText(translation.offlineMessage) ? translation.offlineMessage : base.offlineMessage,
  };
}

/**
 * The default locale's playbook in the words of a copy: cards matched by id (a card's copies share
 * its document id), the copy's name when it has one. Cards only the copy has are ignored.
 */
export function localizePlaybook(
  base: FlowPlaybook,
  copy: { name?: string | null; cards: ReadonlyArray<Pick<FlowCard, 'id'> & CardTexts> } | null,
): FlowPlaybook {
  if (!copy) return base;
  const byId = new Map(copy.cards.map((card) => [card.id, card]));
  return {
    ...base,
    name: hasText(copy.name) ? copy.name : base.name,
    cards: base.cards.map((card) => overlayTexts(card, byId.get(card.id))),
  };
}

/**
 * Field errors for an edit of a copy that would change structure (A1: cards are shaped in the
 * default locale only): settings keys that are not texts, and buttons that add, drop or rename ids
 * or carry anything but `id` and `label`. Paths are rooted at the card (`settings.next`, …).
 */
export function structureEditErrors(kind: CardKind, settings: unknown, baseSettings: unknown, defaultLocale: string): FieldError[] {
  if (settings === undefined || settings === null) return [];
  const message = `Only texts can be changed in a translation; change this in the default locale (${defaultLocale})`;
  if (!isRecord(settings)) return [{ path: ['settings'], message }];
  const allowed = TRANSLATABLE_SETTINGS[kind] ?? [];
  const errors: FieldError[] = Object.keys(settings)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path: ['settings', key], message }));
  if ('buttons' in settings && allowed.includes('buttons')) {
    const baseIds = (isRecord(baseSettings) && Array.isArray(baseSettings.buttons) ? baseSettings.buttons : [])
      .filter(isRecord)
      .map((b) => b.id);
    const buttons = Array.isArray(settings.buttons) ? settings.buttons : null;
    if (buttons === null) return [...errors, { path: ['settings', 'buttons'], message }];
    buttons.forEach((button, i) => {
      if (!isRecord(button) || !baseIds.includes(button.id)) {
        errors.push({ path: ['settings', 'buttons', String(i), 'id'], message: `No button with this id in the default locale (${defaultLocale})` });
        return;
      }
      for (const key of Object.keys(button).filter((k) => k !== 'id' && k !== 'label')) {
        errors.push({ path: ['settings', 'buttons', String(i), key], message });
      }
    });
  }
  return errors;
}
