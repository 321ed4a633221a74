/**
 * G6 (issue 16): the satisfaction rating (CSAT) a visitor gives a chat once it is closed. Who may
 * rate and what a rating may hold are decided here once; the widget asks exactly when the server
 * would accept, because both ask `mayRate`.
 */
import { z } from 'zod';
import type { ConversationStatus } from '../constants';

export const RATING_SCORE = { min: 1, max: 5 } as const;
/** The conversation's `ratingComment` column holds at most this many characters. */
export const RATING_COMMENT_MAX_LENGTH = 1000;

/** Company-wide CSAT settings (plugin-settings key `csat`); on unless turned off. */
export interface CsatSettings {
  enabled: boolean;
}
export const CSAT_SETTINGS_KEY = 'csat';
export const CSAT_DEFAULTS: CsatSettings = { enabled: true };
export const csatSettingsSchema = z.strictObject({ enabled: z.boolean({ error: 'enabled must be true or false' }) });

// Control characters other than tab / newline corrupt exports and can hide content (as in messages).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * What the visitor sends: a whole score and an optional comment, trimmed (an empty one is none).
 * The comment is plain text: stored as typed, escaped wherever it is shown.
 */
export const ratingInputSchema = z.strictObject({
  score: z
    .number({ error: 'score must be a whole number from 1 to 5' })
    .int('score must be a whole number from 1 to 5')
    .min(RATING_SCORE.min, 'score must be a whole number from 1 to 5')
    .max(RATING_SCORE.max, 'score must be a whole number from 1 to 5'),
  comment: z
    .string({ error: 'comment must be text' })
    .trim()
    .max(RATING_COMMENT_MAX_LENGTH, `comment can be at most ${RATING_COMMENT_MAX_LENGTH} characters`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'comment contains control characters')
    .transform((text) => (text === '' ? null : text))
    .nullable()
    .optional()
    .transform((text) => text ?? null),
});
export type RatingInput = z.output<typeof ratingInputSchema>;

/** The parts of a conversation the rule reads. */
export interface RatingSubject {
  status: ConversationStatus;
  rating: number | null;
  ratingDismissedAt: Date | string | null;
}

export type RatingRefusalCode = 'rating_off' | 'conversation_open' | 'already_rated' | 'rating_dismissed';
export interface RatingRefusal {
  code: RatingRefusalCode;
  message: string;
}

/**
 * Whether the visitor may rate (or dismiss the question) now: CSAT is on, the chat is closed, and
 * it was neither rated nor dismissed before (asked once). Null when they may; the refusal otherwise.
 */
export function mayRate(conversation: RatingSubject, settings: CsatSettings): RatingRefusal | null {
  if (!settings.enabled) return { code: 'rating_off', message: 'Satisfaction ratings are turned off.' };
  if (conversation.status !== 'closed') return { code: 'conversation_open', message: 'A chat can be rated once it is closed.' };
  if (conversation.rating !== null) return { code: 'already_rated', message: 'This chat has already been rated.' };
  if (conversation.ratingDismissedAt !== null) return { code: 'rating_dismissed', message: 'The rating of this chat was declined.' };
  return null;
}

/** The widget asks for a rating exactly when one would be accepted. */
export const shouldAskRating = (conversation: RatingSubject, settings: CsatSettings): boolean => mayRate(conversation, settings) === null;

/** The timeline event a rating leaves (B7): shown to agents as the visitor's rating. */
export const RATED_EVENT = 'rated' as const;
export const ratedEventData = (rating: { score: number; comment: string | null }) => ({ score: rating.score, comment: rating.comment });
