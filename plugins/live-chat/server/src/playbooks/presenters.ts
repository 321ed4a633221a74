/**
 * Shapes stored playbooks into the admin API's answers: the A5 Live Chat status, whether the draft
 * differs from what runs, and the embed snippet. Pure: the clock and the config are parameters.
 */
import type {
  LiveChatStatus,
  PlaybookDetail,
  PlaybookInstallation,
  PlaybookLocale,
  PlaybookSummary,
} from '../../../shared/contracts/playbooks';
import type { CardRecord, CopyRecord, InstallationRecord, LocaleRecord, PlaybookRecord } from '../repositories/playbooks';
import { overlayCardRecord, toCardView } from './card-content';
import type { CopyState } from './load';

const HOUR_MS = 3_600_000;

/**
 * A5: a Live Chat card can only reach a visitor if the widget runs on some page, so the playbook is
 * 'offline_only' unless an installation reported within the freshness window (and it has the card).
 */
export function liveChatStatus(
  cards: readonly Pick<CardRecord, 'kind'>[],
  installations: readonly Pick<InstallationRecord, 'lastSeenAt'>[],
  now: Date,
  freshnessHours: number,
): LiveChatStatus {
  if (!cards.some((card) => card.kind === 'live_chat')) return 'offline_only';
  const since = now.getTime() - freshnessHours * HOUR_MS;
  return installations.some((i) => i.lastSeenAt.getTime() >= since) ? 'online' : 'offline_only';
}

/** JSON with sorted keys, so two stored copies compare equal whatever order the database kept. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a visitor would get from a version: its runnable fields and its cards as readers see them. */
function content(playbook: PlaybookRecord, cards: readonly CardRecord[]): string {
  const { name, active, targetUrlPatterns } = playbook;
  return stableJson({ name, active, targetUrlPatterns, cards: cards.map(toCardView) });
}

/** True when the draft differs from the published version, or nothing is published yet. */
export function hasDraftChanges(
  draft: { playbook: PlaybookRecord; cards: readonly CardRecord[] },
  published: { playbook: PlaybookRecord; cards: readonly CardRecord[] } | null,
): boolean {
  return published === null || content(draft.playbook, draft.cards) !== content(published.playbook, published.cards);
}

export interface PlaybookState {
  draft: PlaybookRecord;
  draftCards: CardRecord[];
  published: PlaybookRecord | null;
  publishedCards: CardRecord[];
  installations: InstallationRecord[];
  /** The locales holding a copy (the default locale's included). */
  copies: CopyRecord[];
}

/** Which locale the editor works in, and the copy of that locale when it is not the default. */
export interface LocaleView {
  locales: LocaleRecord[];
  defaultLocale: string;
  /** null: the default locale itself. */
  copy: CopyState | null;
}

export function toSummary(state: PlaybookState, now: Date, freshnessHours: number): PlaybookSummary {
  const { draft, draftCards, published, publishedCards, installations } = state;
  return {
    documentId: draft.documentId,
    name: draft.name,
    active: draft.active,
    published: published !== null,
    hasDraftChanges: hasDraftChanges(
      { playbook: draft, cards: draftCards },
      published && { playbook: published, cards: publishedCards },
    ),
    cardCount: draftCards.length,
    liveChat: liveChatStatus(draftCards, installations, now, freshnessHours),
    installationCount: installations.length,
    lastSeenAt: installations[0]?.lastSeenAt.toISOString() ?? null,
    updatedAt: draft.updatedAt.toISOString(),
  };
}

const toInstallation = ({ origin, path, lastSeenAt }: InstallationRecord): PlaybookInstallation => ({
  origin,
  path,
  lastSeenAt: lastSeenAt.toISOString(),
});

/**
 * E1: the script tag for the site owner. The server URL comes from config or, when unset, from the
 * request; it is reduced to a bare origin so a forged Host header cannot inject markup.
 */
export function embedSnippet(serverUrl: string, documentId: string): string {
  let origin = '';
  try {
    const url = new URL(serverUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') origin = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    origin = '';
  }
  const safe = origin.replace(/[^A-Za-z0-9:/._~%-]/g, encodeURIComponent);
  return `<script src="${safe}/live-chat/widget.js" data-playbook="${documentId}" async></script>`;
}

/** Every configured locale with whether this playbook has a copy there (E5); the default first. */
function localesOf(state: PlaybookState, view: LocaleView): PlaybookLocale[] {
  const locales = view.locales.map(({ code, name }) => {
    const copy = state.copies.find((c) => c.locale === code);
    return { code, name, isDefault: code === view.defaultLocale, hasCopy: Boolean(copy?.draft), published: Boolean(copy?.published) };
  });
  return [...locales.filter((l) => l.isDefault), ...locales.filter((l) => !l.isDefault)];
}

/**
 * The editor's view of a playbook in one locale. In the default locale: its draft. In another:
 * the default draft's structure with the copy's texts (cards without a copy show the default's),
 * the copy's name, and whether the copy is published or has unsaved changes.
 */
export function toDetail(state: PlaybookState, now: Date, freshnessHours: number, serverUrl: string, view: LocaleView): PlaybookDetail {
  const summary = toSummary(state, now, freshnessHours);
  const { copy } = view;
  const overlaid = (cards: readonly CardRecord[]) => {
    const byId = new Map(cards.map((c) => [c.documentId, c]));
    return state.draftCards.map((card) => overlayCardRecord(card, byId.get(card.documentId)));
  };
  return {
    ...summary,
    ...(copy && {
      name: copy.draft.name,
      published: copy.published !== null,
      hasDraftChanges: hasDraftChanges(
        { playbook: copy.draft, cards: overlaid(copy.draftCards) },
        copy.published && { playbook: copy.published, cards: overlaid(copy.publishedCards) },
      ),
    }),
    locale: copy?.locale ?? view.defaultLocale,
    defaultLocale: view.defaultLocale,
    locales: localesOf(state, view),
    targetUrlPatterns: state.draft.targetUrlPatterns,
    cards: (copy ? overlaid(copy.draftCards) : state.draftCards).map(toCardView),
    installations: state.installations.map(toInstallation),
    embedSnippet: embedSnippet(serverUrl, state.draft.documentId),
  };
}
