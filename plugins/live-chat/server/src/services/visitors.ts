import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import jwt from 'jsonwebtoken';
import { uid } from '../../../shared/constants';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';

const ISSUER = 'live-chat';
const TOKEN_LIFETIME = '180d';

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
    async startSession(input: { token?: string; page?: string; language?: string }): Promise<{ token: string; visitor: VisitorRecord }> {
      const now = new Date();
      const known = input.token ? await this.fromToken(input.token) : null;
      const seen = { page: input.page ?? null, language: input.language ?? null, lastSeenAt: now };
      if (known) {
        await visitors().update({ where: { id: known.id }, data: seen });
        return { token: this.issueToken(known.subject), visitor: known };
      }
      const subject = randomBytes(18).toString('base64url');
      const created = await visitors().create({ data: { subject, ...seen } });
      return { token: this.issueToken(subject), visitor: toRecord(created) };
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
