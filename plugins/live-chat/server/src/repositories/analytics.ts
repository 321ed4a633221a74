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

/** Every row of a figure statement names its grouping and the group's key within it. */
interface Keyed {
  dimension: AnalyticsDimension;
  key: string | null;
}

export interface CountsRow extends Keyed {
  started: number;
  taken: number;
  missed: number;
  closed: number;
  rated: number;
  ratingAverage: number | null;
  ratings: [number, number, number, number, number];
}

export interface DurationRow extends Keyed {
  metric: 'first_response' | 'wait';
  count: number;
  median: number | null;
  p90: number | null;
}

export interface CrmRow extends Keyed {
  kind: 'lead' | 'deal';
  currency: string | null;
  count: number;
  amount: number | null;
}

type Row = Record<string, unknown>;

/** Each grouping's key per chat, as text so the groupings' rows can share one result. */
const KEY_SQL: Record<AnalyticsDimension, string> = {
  total: "'all'",
  day: 'day',
  agent: 'cast(assignee_id as text)',
  playbook: 'playbook',
};
const DIMENSIONS = Object.keys(KEY_SQL) as AnalyticsDimension[];

/**
 * One SELECT per grouping over `source`, glued with UNION ALL, each answering `dimension, key,
 * <columns>`, grouped by the key and `groupBy` (the total by `groupBy` alone); `groupBy: null`
 * labels the rows without grouping them.
 */
function perGrouping(source: string, columns: string, groupBy: string | null = '') {
  return DIMENSIONS.map((dimension) => {
    const keys = [dimension === 'total' ? '' : KEY_SQL[dimension], groupBy ?? ''].filter(Boolean);
    const grouped = groupBy !== null && keys.length > 0 ? `group by ${keys.join(', ')}` : '';
    return `select '${dimension}' as dimension, ${KEY_SQL[dimension]} as key, ${columns} from ${source} ${grouped}`;
  }).join('\n union all ');
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const key = (value: unknown) => (value === null || value === undefined ? null : String(value));
const dimensionOf = (value: unknown): AnalyticsDimension => (DIMENSIONS.includes(value as AnalyticsDimension) ? (value as AnalyticsDimension) : 'total');

/**
 * Issue 16: the analytics figures as SQL aggregations (nothing but the aggregates leaves the
 * database), three statements per report: counts, durations, CRM records, each for all four
 * groupings (total, day, agent, playbook) at once. Each starts from `base`, materialized once per
 * statement: the chats started in the range, found by the created_at index one offset segment at a
 * time (one, or a few around daylight-saving changes), each labelled with its local day as
 * date(created_at + the segment's offset).
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
   * The chats of the report, one row each, computed once per statement (MATERIALIZED: every
   * grouping reads it). `extra` columns are added when a statement needs them.
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
      base as materialized (
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
      where m.conversation_id = c.id and m.author_kind = 'agent' and m.audience = 'everyone' and m.kind in ('text', 'file'))`;

  function durationsSql(filter: AnalyticsFilter) {
    const base = baseSql(filter, [
      `${secondsBetween('c.created_at', firstResponseAt)} as first_response_s`,
      `${secondsBetween('c.created_at', 'coalesce(c.first_assigned_at, c.assigned_at)')} as wait_s`,
    ]);
    const samples = `samples as (
        select day, assignee_id, playbook, 'first_response' as metric, first_response_s as v from base where first_response_s is not null
        union all
        select day, assignee_id, playbook, 'wait' as metric, wait_s as v from base where wait_s is not null
      )`;
    if (!sqlite()) {
      return {
        sql: `with ${base.sql}, ${samples}
          ${perGrouping(
            'samples',
            `metric, count(*) as n, percentile_cont(0.5) within group (order by v) as median,
             percentile_cont(0.9) within group (order by v) as p90`,
            'metric',
          )}`,
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
      sql: `with ${base.sql}, ${samples},
        keyed as (${perGrouping('samples', 'metric, v', null)}),
        ranked as (
          select dimension, key, metric, v,
            row_number() over (partition by dimension, key, metric order by v) as rn,
            count(*) over (partition by dimension, key, metric) as n
          from keyed
        ),
        picked as (select dimension, key, metric, n, ${bounds(0.5)}, ${bounds(0.9)} from ranked group by dimension, key, metric, n)
        select dimension, key, metric, n, ${interpolated(0.5)} as median, ${interpolated(0.9)} as p90 from picked`,
      bindings: base.bindings,
    };
  }

  return {
    /** Per group of each grouping: chats started, taken, missed, closed, and their ratings (count, average, per score). */
    async counts(filter: AnalyticsFilter): Promise<CountsRow[]> {
      const base = baseSql(filter);
      const score = (n: number) => `sum(case when rating = ${n} then 1 else 0 end) as rated_${n}`;
      const found = await rows(
        `with ${base.sql}
         ${perGrouping(
           'base',
           `count(*) as started,
           sum(case when first_assigned_at is not null then 1 else 0 end) as taken,
           sum(case when missed_at is not null then 1 else 0 end) as missed,
           sum(case when status = 'closed' then 1 else 0 end) as closed,
           count(rating) as rated, avg(rating) as rating_average,
           ${[1, 2, 3, 4, 5].map(score).join(', ')}`,
         )}`,
        base.bindings,
      );
      return found
        .filter((row) => Number(row.started) > 0)
        .map((row) => ({
          dimension: dimensionOf(row.dimension),
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

    /** Per group of each grouping: median and 90th percentile of the first response time and of the wait to assignment, in seconds. */
    async durations(filter: AnalyticsFilter): Promise<DurationRow[]> {
      const { sql, bindings } = durationsSql(filter);
      return (await rows(sql, bindings)).map((row) => ({
        dimension: dimensionOf(row.dimension),
        key: key(row.key),
        metric: row.metric === 'wait' ? 'wait' : 'first_response',
        count: Number(row.n),
        median: num(row.median),
        p90: num(row.p90),
      }));
    },

    /** Per group of each grouping and currency: the leads and deals linked to the chats, and the sum of their values. */
    async crm(filter: AnalyticsFilter): Promise<CrmRow[]> {
      const base = baseSql(filter);
      const records = (kind: 'lead' | 'deal', table: string) =>
        `select b.day, b.assignee_id, b.playbook, '${kind}' as kind, r.currency, r.value
         from base b
         join ${table}_conversation_lnk l on l.conversation_id = b.id
         join ${table} r on r.id = l.${kind}_id`;
      const found = await rows(
        `with ${base.sql}, records as (${records('lead', LEADS)} union all ${records('deal', DEALS)})
         ${perGrouping('records', 'kind, currency, count(*) as n, sum(value) as amount', 'kind, currency')}`,
        base.bindings,
      );
      return found.map((row) => ({
        dimension: dimensionOf(row.dimension),
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
