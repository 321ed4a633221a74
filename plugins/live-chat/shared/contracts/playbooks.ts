/**
 * The playbook screens' admin API (A1–A5, A8): request schemas (zod, checked by the server) and the
 * response types the admin pages read (and its limits, e.g. CARD_TITLE_MAX).
 * Card contents are checked by the domain (shared/domain/playbook-cards.ts), not here, so that
 * every card write, whatever its route, answers the same field errors.
 */
import { z } from 'zod';
import { CARD_KINDS, type CardKind } from '../constants';
import type { RichText } from '../domain/rich-text';
import { URL_PATTERN_LIMITS, urlPatternError } from '../domain/url-patterns';
import { documentIdSchema } from '../schemas';

/** A5: 'offline_only' while no page embeds the playbook recently enough, or it has no Live Chat card. */
export const LIVE_CHAT_STATUSES = ['online', 'offline_only'] as const;
export type LiveChatStatus = (typeof LIVE_CHAT_STATUSES)[number];

/** A1: what a new playbook starts from. */
export const PLAYBOOK_TEMPLATES = ['live_chat', 'empty'] as const;
export type PlaybookTemplateName = (typeof PLAYBOOK_TEMPLATES)[number];

export const CARD_TITLE_MAX = 120;
/** A playbook longer than this is not a chat flow any visitor finishes. */
export const MAX_CARDS_PER_PLAYBOOK = 100;

const name = z.string().trim().min(1, 'The name is empty').max(120, 'At most 120 characters');

const urlPattern = z.string().trim().superRefine((pattern, ctx) => {
  const message = urlPatternError(pattern);
  if (message !== null) ctx.addIssue({ code: 'custom', message });
});
export const targetUrlPatternsSchema = z
  .array(urlPattern)
  .max(URL_PATTERN_LIMITS.maxPatterns, `At most ${URL_PATTERN_LIMITS.maxPatterns} patterns`);

/** POST /live-chat/playbooks */
export const createPlaybookBodySchema = z.strictObject({
  name,
  template: z.enum(PLAYBOOK_TEMPLATES).default('empty'),
});
export type CreatePlaybookBody = z.input<typeof createPlaybookBodySchema>;

/** PUT /live-chat/playbooks/:documentId */
export const updatePlaybookBodySchema = z.strictObject({
  name: name.optional(),
  active: z.boolean().optional(),
  targetUrlPatterns: targetUrlPatternsSchema.optional(),
});
export type UpdatePlaybookBody = z.input<typeof updatePlaybookBodySchema>;

/** The editable fields of a card; their rules per kind live in the domain. */
const cardFields = {
  title: z.string().trim().max(CARD_TITLE_MAX, `At most ${CARD_TITLE_MAX} characters`).nullish(),
  settings: z.record(z.string(), z.unknown(), { error: 'Expected an object of settings' }).nullish(),
  onlineMessage: z.array(z.unknown(), { error: 'Must be rich text (a list of blocks)' }).nullish(),
  waitTimeSeconds: z.number({ error: 'Use whole seconds' }).nullish(),
  offlineMessage: z.array(z.unknown(), { error: 'Must be rich text (a list of blocks)' }).nullish(),
};

/** POST /live-chat/playbooks/:documentId/cards; without `position` the card goes last. */
export const createCardBodySchema = z.strictObject({
  kind: z.enum(CARD_KINDS, { error: `Unknown card kind; use one of ${CARD_KINDS.join(', ')}` }),
  ...cardFields,
  position: z.number().int().min(0).optional(),
});
export type CreateCardBody = z.input<typeof createCardBodySchema>;

/** PUT /live-chat/playbooks/:documentId/cards/:cardDocumentId (the pencil); omitted fields are kept. */
export const updateCardBodySchema = z.strictObject(cardFields);
export type UpdateCardBody = z.input<typeof updateCardBodySchema>;

/** A locale code of Strapi's i18n plugin (`en`, `sv`, `pt-BR`). */
export const localeCodeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a locale code');

/** `?locale=` of the playbook read and write routes (E5); without it, the default locale. */
export const playbookLocaleQuerySchema = z.object({ locale: localeCodeSchema.optional() });
export type PlaybookLocaleQuery = z.input<typeof playbookLocaleQuerySchema>;

/** POST /live-chat/playbooks/:documentId/locales/:locale: the copy starts from the texts of `from` (default: the default locale). */
export const createPlaybookCopyBodySchema = z.strictObject({ from: localeCodeSchema.optional() });
export type CreatePlaybookCopyBody = z.input<typeof createPlaybookCopyBodySchema>;

/** PUT /live-chat/playbooks/:documentId/cards/order: every card of the playbook, once, in the new order. */
export const reorderCardsBodySchema = z.strictObject({
  cardDocumentIds: z.array(documentIdSchema).max(MAX_CARDS_PER_PLAYBOOK),
});
export type ReorderCardsBody = z.input<typeof reorderCardsBodySchema>;

/** One row of the playbook list. */
export interface PlaybookSummary {
  documentId: string;
  name: string;
  active: boolean;
  /** A published version exists (only a published, active playbook runs, A8). */
  published: boolean;
  /** The draft differs from what runs (always true while nothing is published). */
  hasDraftChanges: boolean;
  cardCount: number;
  /** A5, computed over the draft's cards and the recorded installations. */
  liveChat: LiveChatStatus;
  installationCount: number;
  /** ISO time the widget last reported from any page of this playbook, or null. */
  lastSeenAt: string | null;
  updatedAt: string;
}

/** GET /live-chat/playbooks */
export interface PlaybookListResponse {
  data: PlaybookSummary[];
}

/** A card as the editor shows it; rich text is returned in its sanitized form (A4). */
export interface PlaybookCard {
  documentId: string;
  kind: CardKind;
  position: number;
  title: string | null;
  settings: Record<string, unknown>;
  onlineMessage: RichText | null;
  waitTimeSeconds: number | null;
  offlineMessage: RichText | null;
}

/** A5: a page the widget reported from. */
export interface PlaybookInstallation {
  origin: string;
  path: string;
  lastSeenAt: string;
}

/** E5: a locale of the i18n plugin and this playbook's copy there. */
export interface PlaybookLocale {
  code: string;
  /** The i18n plugin's name of the locale, e.g. "Swedish (sv)". */
  name: string;
  /** The default locale gives every copy its structure (cards, order, links). */
  isDefault: boolean;
  /** The playbook has a copy (a draft) in this locale. */
  hasCopy: boolean;
  /** That copy is published: visitors of this language get its texts. */
  published: boolean;
}

/**
 * The draft of one playbook, as the editor works on it, in one locale: in another locale than the
 * default, the default's structure with the copy's texts, the copy's name and publish state.
 */
export interface PlaybookDetail extends PlaybookSummary {
  locale: string;
  defaultLocale: string;
  /** Every configured locale, the default first. */
  locales: PlaybookLocale[];
  targetUrlPatterns: string[];
  cards: PlaybookCard[];
  installations: PlaybookInstallation[];
  /** The script tag a site owner pastes into their pages (E1). */
  embedSnippet: string;
}

/** GET, POST, PUT /live-chat/playbooks/:documentId and its publish / unpublish actions */
export interface PlaybookDetailResponse {
  data: PlaybookDetail;
}

/** POST and PUT of one card */
export interface PlaybookCardResponse {
  data: PlaybookCard;
}

/** PUT …/cards/order */
export interface PlaybookCardListResponse {
  data: PlaybookCard[];
}

/** DELETE of a playbook or a card */
export interface DeletedResponse {
  data: { documentId: string };
}
