/**
 * Benchmark of the analytics report (GET /live-chat/analytics, issue 16): boots the app on a
 * throw-away database, seeds 100k chats over a year, and times the report for the last 90 days
 * over HTTP as a manager who sees all chats, and as an agent who sees only their own (B6).
 * See docs/benchmarks.md for how to run it and what it found.
 */
import os from 'node:os';
import { adminAction } from '../../plugins/live-chat/shared/constants';
import type { AnalyticsResponse } from '../../plugins/live-chat/shared/contracts/analytics';
import { createAgents, signIn } from '../inbox-list/agents';
import { bootBenchApp } from '../inbox-list/boot';
import { explain, timeStatements } from '../inbox-list/explain';
import { countQueries, summarize, timeSamples } from '../inbox-list/measure';
import { seedAnalytics } from './seed';

const envInt = (name: string, fallback: number) => {
  const parsed = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
  return parsed;
};
const SETTINGS = {
  conversations: envInt('BENCH_CONVERSATIONS', 100_000),
  spanDays: envInt('BENCH_SPAN_DAYS', 365),
  rangeDays: envInt('BENCH_RANGE_DAYS', 90),
  samples: envInt('BENCH_SAMPLES', 40),
  warmup: 5,
  agents: 10,
  randomSeed: 20261207,
};
const TARGET_P95_MS = 200;
const log = (message: string) => process.stdout.write(`${message}\n`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function main() {
  const app = await bootBenchApp();
  try {
    const { strapi, baseUrl } = app;
    log(`database: ${strapi.db.dialect.client}, Node ${process.version}, ${os.cpus().length} cores, load ${loadAverage()}`);
    const agents = await createAgents(strapi, SETTINGS.agents, 'analytics');
    // The agents may view analytics (their own figures); one manager sees everyone's.
    const roles = strapi.service('admin::role');
    const [agentRole] = (await strapi.db.query('admin::role').findMany({ where: { name: 'Bench agents (analytics)' } })) as Array<{ id: number }>;
    await roles.assignPermissions(agentRole!.id, [
      { action: adminAction('useInbox'), subject: null, properties: {}, conditions: [] },
      { action: adminAction('viewAnalytics'), subject: null, properties: {}, conditions: [] },
    ]);
    const [manager] = await createAgents(strapi, 1, 'analytics-manager');
    const [managerRole] = (await strapi.db.query('admin::role').findMany({ where: { name: 'Bench agents (analytics-manager)' } })) as Array<{ id: number }>;
    await roles.assignPermissions(managerRole!.id, [
      { action: adminAction('viewAnalytics'), subject: null, properties: {}, conditions: [] },
      { action: adminAction('seeAllConversations'), subject: null, properties: {}, conditions: [] },
    ]);

    const seeded = await seedAnalytics(strapi, { ...SETTINGS, agentIds: agents.map((a) => a.id) });
    log(`seeded ${JSON.stringify(seeded)}`);

    const to = day(Date.now());
    const from = day(Date.now() - (SETTINGS.rangeDays - 1) * 86_400_000);
    const query = `from=${from}&to=${to}&timeZone=Europe%2FStockholm`;
    const cases = [
      { name: `manager (all chats), ${SETTINGS.rangeDays} days`, token: await signIn(baseUrl, manager!) },
      { name: `agent (own chats, B6), ${SETTINGS.rangeDays} days`, token: await signIn(baseUrl, agents[0]!) },
    ];
    const rows: string[] = [];
    for (const benchCase of cases) {
      const get = async () => {
        const response = await fetch(`${baseUrl}/live-chat/analytics?${query}`, { headers: { Authorization: `Bearer ${benchCase.token}` } });
        const body = (await response.json()) as AnalyticsResponse;
        if (response.status !== 200) throw new Error(`answered ${response.status}: ${JSON.stringify(body)}`);
        return body;
      };
      const sample = await get();
      // This process's CPU time per request: on SQLite all of a request's work (HTTP, auth, SQL)
      // runs here, so it is what the latency would be on an idle machine; on a shared one the wall
      // clock also counts the time other processes held the cores.
      const cpuBefore = process.cpuUsage();
      const latency = summarize(await timeSamples(get, SETTINGS.samples, SETTINGS.warmup));
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000 / (SETTINGS.samples + SETTINGS.warmup);
      const verdict = latency.p95 <= TARGET_P95_MS ? 'meets' : 'MISSES';
      rows.push(
        `| ${benchCase.name} | ${sample.data.totals.started} | ${latency.p50.toFixed(1)} | ${latency.p95.toFixed(1)} | ${latency.max.toFixed(1)} | ${cpuMs.toFixed(1)} | ${verdict} ${TARGET_P95_MS} ms |`,
      );
      log(`  measured: ${benchCase.name}`);
      // Each statement of one report on its own, slowest first, and its plan (BENCH_EXPLAIN=true).
      if (process.env.BENCH_EXPLAIN === 'true') {
        const { statements } = await countQueries(strapi, get);
        const timings = (await timeStatements(strapi, benchCase.name, statements, 5)).sort((a, b) => b.p50 - a.p50);
        for (const timing of timings.slice(0, 3)) {
          log(`\n${timing.p50.toFixed(1)} ms: ${timing.query.sql.replace(/\s+/g, ' ').slice(0, 300)}…\n${await explain(strapi, timing.query)}`);
        }
      }
    }
    log(`\nload average at the end: ${loadAverage()}`);
    log(`\n| case | chats in range | p50 ms | p95 ms | max ms | Node CPU ms / request | target (p95) |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
