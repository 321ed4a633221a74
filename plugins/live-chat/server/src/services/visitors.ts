import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import jwt from 'jsonwebtoken';
import { uid } from '../../../shared/constants';
import type { VisitorContext } from '../../../shared/contracts/conversations';
import { DEVICE_TYPES, recordVisit, type DeviceType } from '../../../shared/domain/visitor-context';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { fromDbDatetime } from '../repositories/sql';
import { parseUserAgent } from '../user-agent';

const ISSUER = 'live-chat';
const TOKEN_LIFETIME = '180d';

/** A session's or page view's context, validated by shared/schemas.ts, plus the request's User-Agent. */
export interface PageView {
  page?: string;
  title?: string | null;
  referrer?: string | null;
  landingPage?: string;
  timeZone?: string;
  language?: string;
  /** The widget's site turned device collection off (docs/widget.md). */
  device?: false;
  userAgent?: string;
}

export interface VisitorRecord {
  id: number;
  subject: string;
  name: string | null;
  email: string | null;
}

/**
 * E4: visitors are identified by a signed token the widget keeps (never in a URL). The token holds
 * only a random subject; HS256 is pinned on verify, so `alg: none` or another key is refused.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = createConversationRepository(strapi);
  const visitors = () => strapi.db.query(uid('visitor'));

  function secret(): string {
    const configured = process.env.LIVE_CHAT_VISITOR_TOKEN_SECRET;
    if (configured) return configured;
    // Derived from the app keys so a fresh install needs no extra secret, yet it is not an app key itself.
    const keys = strapi.config.get('server.app.keys') as string[];
    return createHmac('sha256', keys[0]).update('live-chat visitor tokens').digest('hex');
  }

  const toRecord = (row: { id: number; subject: string; name?: string | null; email?: string | null }): VisitorRecord => ({
    id: row.id,
    subject: row.subject,
    name: row.name ?? null,
    email: row.email ?? null,
  });

  /**
   * G2: the columns a session or page view writes: the page and its context as the (already
   * validated and cleaned) view gives them, the device parsed from the User-Agent header, and the
   * visit count by the shared visit rule. Landing page and referrer change only with a new visit.
   */
  function contextColumns(row: Record<string, unknown> | null, view: PageView, now: Date) {
    const visit = recordVisit(
      {
        firstSeenAt: fromDbDatetime(row?.firstSeenAt),
        lastSeenAt: fromDbDatetime(row?.lastSeenAt),
        visitCount: Number(row?.visitCount ?? 0),
      },
      now,
    );
    const data: Record<string, unknown> = { lastSeenAt: now, firstSeenAt: visit.firstSeenAt, visitCount: visit.visitCount };
    if (view.page !== undefined) Object.assign(data, { page: view.page, pageTitle: view.title ?? null });
    if (view.language !== undefined) data.language = view.language;
    if (view.timeZone !== undefined) data.timeZone = view.timeZone;
    if (view.device !== false && view.userAgent) Object.assign(data, parseUserAgent(view.userAgent));
    if (visit.newVisit || (row && !row.landingPage && view.landingPage)) {
      Object.assign(data, { landingPage: view.landingPage ?? view.page ?? null, referrer: view.referrer ?? null });
    }
    return data;
  }

  return {
    /** The visitor a token belongs to, or null for a missing, forged, expired or unknown token. */
    async fromToken(token: unknown): Promise<VisitorRecord | null> {
      if (typeof token !== 'string' || token.length > 2048) return null;
      try {
        const payload = jwt.verify(token, secret(), { algorithms: ['HS256'], issuer: ISSUER });
        const subject = typeof payload === 'object' ? payload.sub : undefined;
        if (!subject) return null;
        const row = await visitors().findOne({ where: { subject } });
        return row ? toRecord(row) : null;
      } catch {
        return null;
      }
    },

    /** First contact or a return visit: the same visitor for a valid token, a new one otherwise. */
    async startSession(input: { token?: string } & PageView): Promise<{ token: string; visitor: VisitorRecord }> {
      const now = new Date();
      const known = input.token ? await this.fromToken(input.token) : null;
      if (known) {
        const row = await visitors().findOne({ where: { id: known.id } });
        await visitors().update({ where: { id: known.id }, data: contextColumns(row, input, now) });
        return { token: this.issueToken(known.subject), visitor: known };
      }
      const subject = randomBytes(18).toString('base64url');
      const created = await visitors().create({ data: { subject, ...contextColumns(null, input, now) } });
      return { token: this.issueToken(subject), visitor: toRecord(created) };
    },

    /**
     * G2: the visitor is on another page (a page load or an SPA navigation). Stored, then, when
     * their current conversation is open, published so the agents who may see it get the new page
     * live (the realtime listener sends them `conversation:upsert`).
     */
    async recordPageView(visitorId: number, view: PageView & { page: string }): Promise<void> {
      const row = await visitors().findOne({ where: { id: visitorId } });
      if (!row) return;
      await visitors().update({ where: { id: visitorId }, data: contextColumns(row, view, new Date()) });
      const conversation = await conversations.findCurrentOfVisitor(visitorId);
      if (conversation && conversation.status !== 'closed') {
        await strapi.plugin('live-chat').service('event-bus').publish({
          type: 'conversation:updated',
          conversation,
          entries: [],
          actorId: null,
        });
      }
    },

    /** G2: the visitor's context as the inbox shows it, or null for a conversation without a visitor. */
    async contextOf(visitorId: number | null): Promise<VisitorContext | null> {
      if (visitorId === null) return null;
      const row = await visitors().findOne({ where: { id: visitorId } });
      if (!row) return null;
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
      const iso = (value: unknown) => fromDbDatetime(value)?.toISOString() ?? null;
      return {
        page: text(row.page) ? { url: row.page, title: text(row.pageTitle) } : null,
        landingPage: text(row.landingPage),
        referrer: text(row.referrer),
        language: text(row.language),
        timeZone: text(row.timeZone),
        browser: text(row.browser),
        os: text(row.os),
        deviceType: (DEVICE_TYPES as readonly unknown[]).includes(row.deviceType) ? (row.deviceType as DeviceType) : null,
        firstSeenAt: iso(row.firstSeenAt) ?? iso(row.createdAt),
        lastSeenAt: iso(row.lastSeenAt),
        visitCount: Number(row.visitCount ?? 0),
      };
    },

    /** A signed token for a visitor subject. */
    issueToken(subject: string): string {
      return jwt.sign({}, secret(), { algorithm: 'HS256', subject, issuer: ISSUER, expiresIn: TOKEN_LIFETIME });
    },

    /** E1: the host page named the visitor (`LiveChat.identify`); given fields replace the stored ones. */
    async identify(visitorId: number, identity: { name?: string; email?: string }): Promise<{ name: string | null; email: string | null }> {
      const data = {
        ...(identity.name ? { name: identity.name } : {}),
        ...(identity.email ? { email: identity.email.toLowerCase() } : {}),
      };
      const row = await visitors().update({ where: { id: visitorId }, data });
      return { name: row?.name ?? null, email: row?.email ?? null };
    },

    /** The visitor's current conversation: the newest one not closed, else the newest closed one. */
    async currentConversation(visitorId: number): Promise<ConversationRecord | null> {
      return conversations.findCurrentOfVisitor(visitorId);
    },
  };
};
