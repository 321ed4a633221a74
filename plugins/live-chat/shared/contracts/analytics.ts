/**
 * Issue 16, analytics: the admin API's query (zod, checked by the server) and answer, read by the
 * Analytics page. Routes: server/src/routes/analytics-admin.ts.
 */
import { z } from 'zod';
import { ANALYTICS_MAX_RANGE_DAYS, daysInRange, isCalendarDay, isTimeZone } from '../domain/analytics';

const day = z.string({ error: 'A day (YYYY-MM-DD) is required' }).refine(isCalendarDay, 'Not a calendar day written YYYY-MM-DD');

/** GET /live-chat/analytics and /live-chat/analytics/export */
export const analyticsQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone').default('UTC'),
    /** One agent's chats (an admin user id). */
    agent: z.coerce.number().int().positive('Not an agent id').optional(),
    /** One playbook's chats (its document id). */
    playbook: z.string().regex(/^[a-z0-9]{1,64}$/, 'Not a valid document id').optional(),
  })
  .superRefine((query, ctx) => {
    if (!isCalendarDay(query.from) || !isCalendarDay(query.to)) return;
    const days = daysInRange(query.from, query.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
    else if (days > ANALYTICS_MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `A range covers at most ${ANALYTICS_MAX_RANGE_DAYS} days` });
    }
  });
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

/** A duration's median and 90th percentile in seconds (linear interpolation), over `count` chats that have one. */
export interface DurationFigures {
  median: number | null;
  p90: number | null;
  count: number;
}

/** A sum of money in one currency (ISO 4217 code); amounts of different currencies are never added. */
export interface MoneyTotal {
  currency: string;
  amount: number;
}

/** The figures of one group of chats (all, one day, one agent, one playbook). */
export interface AnalyticsFigures {
  /** Chats started in the group. */
  started: number;
  /** Of those, taken by an agent (assigned at least once). */
  taken: number;
  /** Of those, missed: nobody took them within the card's wait time (B9). */
  missed: number;
  /** Of those, closed by now. */
  closed: number;
  /** From the chat's start to the first agent reply the visitor saw (notes, events and bot lines excluded). */
  firstResponse: DurationFigures;
  /** From the chat's start to its first assignment. */
  waitToAssignment: DurationFigures;
  /** Leads and deals linked to the chats, and their value per currency. */
  leads: { count: number; value: MoneyTotal[] };
  deals: { count: number; value: MoneyTotal[] };
  /** Satisfaction ratings (1–5) of the chats: how many, their average, and how many of each score. */
  csat: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

export interface AnalyticsAgentRow extends AnalyticsFigures {
  /** The assignee; null groups the chats nobody holds. */
  agent: { id: number; name: string } | null;
}

export interface AnalyticsPlaybookRow extends AnalyticsFigures {
  /** The playbook the chat ran; null for chats started without one. */
  playbook: { documentId: string; name: string } | null;
}

export interface AnalyticsDayRow extends AnalyticsFigures {
  /** The calendar day (YYYY-MM-DD) in the report's time zone. */
  day: string;
}

/** GET /live-chat/analytics */
export interface AnalyticsResponse {
  data: {
    totals: AnalyticsFigures;
    /** Every day of the range, in order, days without chats included. */
    days: AnalyticsDayRow[];
    /** Agents with chats in the range, most chats taken first. */
    agents: AnalyticsAgentRow[];
    playbooks: AnalyticsPlaybookRow[];
  };
  meta: {
    from: string;
    to: string;
    timeZone: string;
    /** B6: `own` when the viewer sees only the chats assigned to them. */
    scope: 'all' | 'own';
    agent: number | null;
    playbook: string | null;
  };
}
