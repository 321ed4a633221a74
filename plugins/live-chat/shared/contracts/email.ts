/**
 * G8: the company's email settings (plugin-settings key `email`) and the widget's email routes, as
 * the server validates them and the admin and the widget send them.
 */
import { z } from 'zod';

/** Longest follow-up delay: a day (a reply older than that is no longer a conversation). */
export const MAX_FOLLOW_UP_DELAY_SECONDS = 24 * 60 * 60;

/** An address a provider accepts: a plain `name@domain`, no display name or list. */
const address = z.union([z.literal(''), z.email({ message: 'Enter a valid email address' }).max(254)]);

export const emailSettingsSchema = z.strictObject({
  /** The visitor may ask for the transcript by email; it is sent at close. */
  transcriptsEnabled: z.boolean(),
  /** Agent replies a visitor did not see are emailed to them once they have been gone `followUpDelaySeconds`. */
  followUpsEnabled: z.boolean(),
  /** B9: a missed chat with a captured email is sent to `teamAddress` with its transcript. */
  missedChatNoticesEnabled: z.boolean(),
  followUpDelaySeconds: z.number().int().min(1).max(MAX_FOLLOW_UP_DELAY_SECONDS),
  /** Where missed-chat notices go; '' sends none. */
  teamAddress: address,
  /** The sender; '' uses the email provider's `defaultFrom`. */
  fromAddress: address,
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** A PUT may change some fields; the rest keep their stored value. */
export const emailSettingsChangesSchema = emailSettingsSchema.partial();

export const DEFAULT_EMAIL_SETTINGS: EmailSettings = {
  transcriptsEnabled: true,
  followUpsEnabled: true,
  missedChatNoticesEnabled: true,
  followUpDelaySeconds: 5 * 60,
  teamAddress: '',
  fromAddress: '',
};

/** POST /live-chat/widget/resume: the `?livechat=` value of a follow-up email's link. */
export const widgetResumeSchema = z.strictObject({ link: z.string().min(1).max(1024) });

/** POST /live-chat/widget/transcript: `requested: false` takes the request back while the chat is open. */
export const widgetTranscriptSchema = z.strictObject({ requested: z.boolean().optional() });
