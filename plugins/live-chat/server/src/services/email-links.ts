import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** How long a follow-up email's link reopens the chat (the emails say so: EMAIL_STRINGS.followUpLinkNote). */
export const EMAIL_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

interface LinkPayload {
  /** The conversation's id and its visitor's id: the link reopens that chat for that visitor only. */
  c: number;
  v: number;
  /** Expiry, in seconds since the epoch. */
  e: number;
}

/**
 * G8: the link in a follow-up email: `<payload>.<HMAC-SHA256>` (base64url), naming the chat and
 * its visitor with an expiry. It is never the visitor's token: the widget exchanges it at
 * POST /widget/resume for a fresh session of that visitor, and only until it expires.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  function secret(): string {
    const configured = process.env.LIVE_CHAT_EMAIL_LINK_SECRET;
    if (configured) return configured;
    // Derived from the app keys (as the visitor token secret is), with its own label.
    const keys = strapi.config.get('server.app.keys') as string[];
    return createHmac('sha256', keys[0]).update('live-chat email links').digest('hex');
  }
  const sign = (payload: string) => createHmac('sha256', secret()).update(payload).digest('base64url');

  return {
    /** A link token for the visitor of a conversation, valid until `now` + EMAIL_LINK_LIFETIME_MS. */
    issue(conversationId: number, visitorId: number, now: Date = new Date()): string {
      const body: LinkPayload = { c: conversationId, v: visitorId, e: Math.floor((now.getTime() + EMAIL_LINK_LIFETIME_MS) / 1000) };
      const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },

    /** What a link token names, or null for a forged, malformed or expired one. */
    verify(token: string, now: Date = new Date()): { conversationId: number; visitorId: number } | null {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let body: Partial<LinkPayload>;
      try {
        body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<LinkPayload>;
      } catch {
        return null;
      }
      if (!Number.isInteger(body.c) || !Number.isInteger(body.v) || !Number.isInteger(body.e)) return null;
      if ((body.e as number) * 1000 <= now.getTime()) return null;
      return { conversationId: body.c as number, visitorId: body.v as number };
    },
  };
};
