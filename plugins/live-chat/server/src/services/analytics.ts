import type { Core } from '@strapi/strapi';
import type {
  AnalyticsFigures,
  AnalyticsQuery,
  AnalyticsResponse,
  MoneyTotal,
} from '../../../shared/contracts/analytics';
import { analyticsScope, offsetSegments, reportDays, type Viewer } from '../../../shared/domain';
import { forbidden } from '../errors';
import {
  createAnalyticsRepository,
  type AnalyticsDimension,
  type AnalyticsFilter,
  type CountsRow,
  type CrmRow,
  type DurationRow,
} from '../repositories/analytics';

const DIMENSIONS: AnalyticsDimension[] = ['total', 'day', 'agent', 'playbook'];

/** The figures of a group from its rows of each statement (a group with no rows is all zeros). */
function figuresOf(counts: CountsRow | undefined, durations: DurationRow[], crm: CrmRow[]): AnalyticsFigures {
  const duration = (metric: DurationRow['metric']) => {
    const row = durations.find((d) => d.metric === metric);
    return row ? { median: row.median, p90: row.p90, count: row.count } : { median: null, p90: null, count: 0 };
  };
  const records = (kind: CrmRow['kind']) => {
    const rows = crm.filter((r) => r.kind === kind);
    const value: MoneyTotal[] = rows
      .filter((r) => r.currency !== null && r.amount !== null)
      .map((r) => ({ currency: r.currency as string, amount: r.amount as number }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
    return { count: rows.reduce((sum, r) => sum + r.count, 0), value };
  };
  const ratings = counts?.ratings ?? [0, 0, 0, 0, 0];
  return {
    started: counts?.started ?? 0,
    taken: counts?.taken ?? 0,
    missed: counts?.missed ?? 0,
    closed: counts?.closed ?? 0,
    firstResponse: duration('first_response'),
    waitToAssignment: duration('wait'),
    leads: records('lead'),
    deals: records('deal'),
    csat: {
      count: counts?.rated ?? 0,
      average: counts?.ratingAverage ?? null,
      distribution: { '1': ratings[0], '2': ratings[1], '3': ratings[2], '4': ratings[3], '5': ratings[4] },
    },
  };
}

/** One grouping's figures by key, from the three statements' rows of that grouping (in the order keys first appear). */
function byKey(dimension: AnalyticsDimension, counts: CountsRow[], durations: DurationRow[], crm: CrmRow[]): Map<string | null, AnalyticsFigures> {
  const of = <R extends { dimension: AnalyticsDimension; key: string | null }>(rows: R[], k?: string | null) =>
    rows.filter((row) => row.dimension === dimension && (k === undefined || row.key === k));
  const keys = [...new Set([...of(counts), ...of(durations), ...of(crm)].map((row) => row.key))];
  return new Map(keys.map((k) => [k, figuresOf(of(counts, k)[0], of(durations, k), of(crm, k))]));
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createAnalyticsRepository(strapi);

  return {
    /** Issue 16: the report of the chats started in the query's range, as far as the viewer may see them (B6). */
    async report(viewer: Pick<Viewer, 'id' | 'canSeeAll'>, query: AnalyticsQuery): Promise<AnalyticsResponse> {
      const scope = analyticsScope(viewer, query.agent ?? null);
      if (scope === 'not_allowed') throw forbidden("Without \"See all conversations\" you see only your own chats' figures");
      const reportedDays = reportDays(query.from, query.to, query.timeZone);
      const filter: AnalyticsFilter = {
        segments: offsetSegments(reportedDays, query.timeZone),
        agentId: scope.agentId,
        playbookDocumentId: query.playbook ?? null,
      };
      // SQLite has one connection, so these run one after the other there; PostgreSQL runs them side by side.
      const [counts, durations, crm] = await Promise.all([repository.counts(filter), repository.durations(filter), repository.crm(filter)]);
      const [total, days, agents, playbooks] = DIMENSIONS.map((name) => byKey(name, counts, durations, crm));
      const [agentNames, playbookNames] = await Promise.all([
        repository.agentNames([...agents.keys()].filter((k): k is string => k !== null).map(Number)),
        repository.playbookNames([...playbooks.keys()].filter((k): k is string => k !== null)),
      ]);
      const empty = figuresOf(undefined, [], []);
      return {
        data: {
          totals: total.get('all') ?? empty,
          days: reportedDays.map(({ day }) => ({ day, ...(days.get(day) ?? empty) })),
          agents: [...agents]
            .map(([id, figures]) => ({
              agent: id === null ? null : { id: Number(id), name: agentNames.get(Number(id)) ?? `#${id}` },
              ...figures,
            }))
            .sort((a, b) => b.taken - a.taken || b.started - a.started),
          playbooks: [...playbooks]
            .map(([documentId, figures]) => ({
              playbook: documentId === null ? null : { documentId, name: playbookNames.get(documentId) ?? documentId },
              ...figures,
            }))
            .sort((a, b) => b.started - a.started),
        },
        meta: {
          from: query.from,
          to: query.to,
          timeZone: query.timeZone,
          scope: scope.kind,
          agent: scope.agentId,
          playbook: query.playbook ?? null,
        },
      };
    },
  };
};
