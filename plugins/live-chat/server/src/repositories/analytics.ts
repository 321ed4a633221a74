import type { Core } from '@strapi/strapi';
import type { OffsetSegment } from '../../../shared/domain/analytics';
import { TABLES, toDbDatetime } from './sql';

const C = TABLES.conversations;
const M = TABLES.messages;
const P = TABLES.playbooks;
const LEADS = 'live_chat_leads';
const DEALS = 'live_chat_deals';

/** How a report's chats are grouped: one row for all, or one per day, agent or playbook. */
export type AnalyticsDimension = 'total' | 'day' | 'agent' | 'playbook';

/**
 * Which chats a report reads: started within the segments (the range's days, cut where the time
 * zone's offset changes), optionally one assignee's or one playbook's.
 */
export interface AnalyticsFilter {
  segments: OffsetSegment[];
  agentId: number | null;
  playbookDocumentId: string | null;
}

export interface CountsRow {
  key: string | null;
  started: number;
  taken: number;
  missed: number;
  closed: number;
  rated: number;
  ratingAverage: number | null;
  ratings: [number, number, number, number, number];
}

export interface DurationRow {
  key: string | null;
  metric: 'first_response' | 'wait';
  count: number;
  median: number | null;
  p90: number | null;
}

export interface CrmRow {
  key: string | null;
  kind: 'lead' | 'deal';
  currency: string | null;
  count: number;
  amount: number | null;
}

type Row = Record<string, unknown>;

/** The group's key per chat (grouped by position: PostgreSQL refuses a constant in GROUP BY). */
const KEY_SQL: Record<AnalyticsDimension, string> = {
  total: "'all'",
  day: 'b.day',
  agent: 'b.assignee_id',
  playbook: 'b.playbook',
};

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const key = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Issue 16: the analytics figures as SQL aggregations (nothing but the aggregates leaves the
 * database). Every statement starts from `base`: the chats started in the range, found by the
 * created_at index one offset segment at a time (one, or a few around daylight-saving changes), each
 * labelled with its local day as date(created_at + the segment's offset).
 * Medians and 90th percentiles interpolate linearly between ranks: percentile_cont on PostgreSQL,
 * the same arithmetic over row_number() on SQLite (shared/domain/analytics.ts `percentile`).
 */
export function createAnalyticsRepository(strapi: Core.Strapi) {
  const sqlite = () => strapi.db.dialect.client === 'sqlite';
  const timestamp = () => (sqlite() ? '?' : '?::timestamp');
  /** Seconds from `start` to `end` (two datetime columns), as a float. */
  const secondsBetween = (start: string, end: string) =>
    sqlite() ? `(unixepoch(${end}, 'subsec') - unixepoch(${start}, 'subsec'))` : `extract(epoch from (${end} - ${start}))::float8`;

  async function rows(sql: string, bindings: unknown[]): Promise<Row[]> {
    const result = await strapi.db.connection.raw(sql, bindings as never);
    // knex answers rows directly on SQLite and a { rows } result on PostgreSQL.
    return Array.isArray(result) ? result : result.rows;
  }

  /**
   * The chats of the report, one row each: `extra` columns are added when a statement needs them
   * (the first response reads the messages index, so only the duration statement asks for it).
   */
  function baseSql(filter: AnalyticsFilter, extra: string[] = []): { sql: string; bindings: unknown[] } {
    const slot = `(${timestamp()}, ${timestamp()}, ${sqlite() ? '?' : '?::int'})`;
    const bindings: unknown[] = filter.segments.flatMap((s) => [
      toDbDatetime(strapi, s.start),
      toDbDatetime(strapi, s.end),
      sqlite() ? `${s.offsetSeconds >= 0 ? '+' : ''}${s.offsetSeconds} seconds` : s.offsetSeconds,
    ]);
    const where: string[] = [];
    if (filter.agentId !== null) {
      where.push('c.assignee_id = ?');
      bindings.push(filter.agentId);
    }
    if (filter.playbookDocumentId !== null) {
      where.push('pb.document_id = ?');
      bindings.push(filter.playbookDocumentId);
    }
    const localDay = sqlite() ? 'date(c.created_at, s.shift)' : "to_char(c.created_at + s.shift * interval '1 second', 'YYYY-MM-DD')";
    const columns = [
      `${localDay} as day`,
      'c.id',
      'c.assignee_id',
      'pb.document_id as playbook',
      'c.status',
      'c.missed_at',
      'c.rating',
      // Assigned at least once: the first assignment, or (rows from before it was kept) the current one.
      'coalesce(c.first_assigned_at, c.assigned_at) as first_assigned_at',
      'c.created_at',
      ...extra,
    ];
    const sql = `segments (segment_start, segment_end, shift) as (values ${filter.segments.map(() => slot).join(', ')}),
      base as (
        select ${columns.join(', ')}
        from segments s
        join ${C} c on c.created_at >= s.segment_start and c.created_at < s.segment_end
        left join ${C}_playbook_lnk pl on pl.conversation_id = c.id
        left join ${P} pb on pb.id = pl.playbook_id
        ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      )`;
    return { sql, bindings };
  }

  /**
   * The first reply the visitor saw: an agent's public text or file (internal notes are `agents`
   * only; timeline events, bot lines and system lines are not an agent's reply).
   */
  const firstResponseAt = `(select min(m.created_at) from ${M} m
      where m.conversation_id = c.id and m.author_kind = 'agent' and m.audience = 'everyone' and m.kind in ('text', 'file'))
    as first_response_at`;

  function durationsSql(dimension: AnalyticsDimension, filter: AnalyticsFilter) {
    const base = baseSql(filter, [firstResponseAt]);
    const samples = `select ${KEY_SQL[dimension]} as key, 'first_response' as metric, ${secondsBetween('b.created_at', 'b.first_response_at')} as v
        from base b where b.first_response_at is not null
      union all
      select ${KEY_SQL[dimension]} as key, 'wait' as metric, ${secondsBetween('b.created_at', 'b.first_assigned_at')} as v
        from base b where b.first_assigned_at is not null`;
    if (!sqlite()) {
      return {
        sql: `with ${base.sql}
          select key, metric, count(*) as n,
            percentile_cont(0.5) within group (order by v) as median,
            percentile_cont(0.9) within group (order by v) as p90
          from (${samples}) s group by key, metric`,
        bindings: base.bindings,
      };
    }
    // Position (0-based) of percentile p among n sorted values; its integer part and the next rank.
    const position = (p: number) => `(${p} * (n - 1))`;
    const lowerRank = (p: number) => `(cast(${position(p)} as integer) + 1)`;
    const upperRank = (p: number) => `(${lowerRank(p)} + (case when ${position(p)} > cast(${position(p)} as integer) then 1 else 0 end))`;
    const interpolated = (p: number) =>
      `lower_${p * 100} + (${position(p)} - cast(${position(p)} as integer)) * (upper_${p * 100} - lower_${p * 100})`;
    const bounds = (p: number) =>
      `max(case when rn = ${lowerRank(p)} then v end) as lower_${p * 100}, max(case when rn = ${upperRank(p)} then v end) as upper_${p * 100}`;
    return {
      sql: `with ${base.sql},
        ranked as (
          select key, metric, v,
            row_number() over (partition by key, metric order by v) as rn,
            count(*) over (partition by key, metric) as n
          from (${samples}) s
        ),
        picked as (select key, metric, n, ${bounds(0.5)}, ${bounds(0.9)} from ranked group by key, metric, n)
        select key, metric, n, ${interpolated(0.5)} as median, ${interpolated(0.9)} as p90 from picked`,
      bindings: base.bindings,
    };
  }

  return {
    /** Per group: chats started, taken, missed, closed, and their ratings (count, average, per score). */
    async counts(dimension: AnalyticsDimension, filter: AnalyticsFilter): Promise<CountsRow[]> {
      const base = baseSql(filter);
      const score = (n: number) => `sum(case when b.rating = ${n} then 1 else 0 end) as rated_${n}`;
      const found = await rows(
        `with ${base.sql}
         select ${KEY_SQL[dimension]} as key, count(*) as started,
           sum(case when b.first_assigned_at is not null then 1 else 0 end) as taken,
           sum(case when b.missed_at is not null then 1 else 0 end) as missed,
           sum(case when b.status = 'closed' then 1 else 0 end) as closed,
           count(b.rating) as rated, avg(b.rating) as rating_average,
           ${[1, 2, 3, 4, 5].map(score).join(', ')}
         from base b group by 1`,
        base.bindings,
      );
      return found.map((row) => ({
        key: key(row.key),
        started: Number(row.started),
        taken: Number(row.taken ?? 0),
        missed: Number(row.missed ?? 0),
        closed: Number(row.closed ?? 0),
        rated: Number(row.rated),
        ratingAverage: num(row.rating_average),
        ratings: [1, 2, 3, 4, 5].map((n) => Number(row[`rated_${n}`] ?? 0)) as CountsRow['ratings'],
      }));
    },

    /** Per group: median and 90th percentile of the first response time and of the wait to assignment, in seconds. */
    async durations(dimension: AnalyticsDimension, filter: AnalyticsFilter): Promise<DurationRow[]> {
      const { sql, bindings } = durationsSql(dimension, filter);
      return (await rows(sql, bindings)).map((row) => ({
        key: key(row.key),
        metric: row.metric === 'wait' ? 'wait' : 'first_response',
        count: Number(row.n),
        median: num(row.median),
        p90: num(row.p90),
      }));
    },

    /** Per group and currency: the leads and deals linked to the chats, and the sum of their values. */
    async crm(dimension: AnalyticsDimension, filter: AnalyticsFilter): Promise<CrmRow[]> {
      const base = baseSql(filter);
      const records = (kind: 'lead' | 'deal', records: string) =>
        `select ${KEY_SQL[dimension]} as key, '${kind}' as kind, r.currency, count(*) as n, sum(r.value) as amount
         from base b
         join ${records}_conversation_lnk l on l.conversation_id = b.id
         join ${records} r on r.id = l.${kind}_id
         group by 1, 3`;
      const found = await rows(`with ${base.sql} ${records('lead', LEADS)} union all ${records('deal', DEALS)}`, base.bindings);
      return found.map((row) => ({
        key: key(row.key),
        kind: row.kind === 'deal' ? 'deal' : 'lead',
        currency: key(row.currency),
        count: Number(row.n),
        amount: num(row.amount),
      }));
    },

    /** Display names of admin users by id. */
    async agentNames(ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const found: Row[] = await strapi.db
        .connection(TABLES.adminUsers)
        .select('id', 'firstname', 'lastname', 'email')
        .whereIn('id', ids);
      return new Map(
        found.map((row) => [Number(row.id), [row.firstname, row.lastname].filter(Boolean).join(' ') || String(row.email)]),
      );
    },

    /** A name per playbook document (the name of its first row: locales and versions share the document). */
    async playbookNames(documentIds: string[]): Promise<Map<string, string>> {
      if (documentIds.length === 0) return new Map();
      const found: Row[] = await strapi.db
        .connection(P)
        .select('document_id', 'name')
        .whereIn('document_id', documentIds)
        .orderBy('id', 'desc');
      return new Map(found.map((row) => [String(row.document_id), String(row.name)]));
    },
  };
}
