/**
 * Benchmark of the inbox folder lists (GET /live-chat/conversations): boots the app on a throw-away
 * database, seeds 100k conversations, times each folder case over HTTP as an agent, counts the SQL
 * per request, compares with Strapi's own query engine, and explains the slowest statement.
 * See docs/benchmarks.md for how to run it and what it found.
 */
import os from 'node:os';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { ConversationListResponse } from '../../plugins/live-chat/shared/contracts/conversations';
import type { Agent } from '../../plugins/live-chat/shared/domain/conversation';
import { createAgents, signIn } from './agents';
import { bootBenchApp, type BenchApp } from './boot';
import { explain, timeStatements, type StatementTiming } from './explain';
import { countQueries, summarize, timeSamples } from './measure';
import { otherStatements, resultsTable, statementsTable, type CaseResult } from './report';
import { COMMON_SEARCH, COMMON_WORD_SEARCH, PRODUCT_SEARCH, seed } from './seed';
import { SETTINGS } from './settings';

interface Case {
  name: string;
  transport: CaseResult['transport'];
  run: () => Promise<unknown>;
}

const LIST = '/live-chat/conversations';
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const log = (message: string) => process.stdout.write(`${message}\n`);

async function benchmark(app: BenchApp) {
  const { strapi, baseUrl } = app;
  log(`database: ${strapi.db.dialect.client}, Node ${process.version}, ${os.cpus().length} cores, load ${loadAverage()}`);

  const agents = await createAgents(strapi, SETTINGS.agents);
  const me = agents[0]!;
  const token = await signIn(baseUrl, me);

  const seeded = await seed(strapi, agents.map((agent) => agent.id));
  log(
    `seeded ${seeded.conversations} conversations (${JSON.stringify(seeded.byStatus)}), ` +
      `${seeded.visitors} visitors, ${seeded.messages} messages in ${seeded.seconds.toFixed(1)} s`,
  );

  const get = async <T = ConversationListResponse>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as T;
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };

  // The deep page: the cursor a client holds after paging 20 times through Closed.
  let cursor: string | null = null;
  for (let page = 0; page < SETTINGS.deepPage; page += 1) {
    const body: ConversationListResponse = await get(`${LIST}?folder=closed&limit=${SETTINGS.pageSize}${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = body.meta.nextCursor;
    if (!cursor) throw new Error(`Closed has fewer than ${SETTINGS.deepPage + 1} pages`);
  }

  const first = await get(`${LIST}?folder=unassigned&limit=${SETTINGS.pageSize}`);
  log(`folder counts seen by agent ${me.id}: ${JSON.stringify(first.meta.counts)}`);

  const agent: Agent = { id: me.id, displayName: 'Agent 1', canUseInbox: true, canSeeAll: false };
  const page = (folder: string, extra = '') => () => get(`${LIST}?folder=${folder}&limit=${SETTINGS.pageSize}${extra}`);
  const strapiFindMany = () =>
    strapi.db.query(uid('conversation')).findMany({
      where: { status: 'unassigned' },
      orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
      limit: SETTINGS.pageSize,
      populate: { visitor: true, assignee: true },
    });

  // Both ways of reading Unassigned must return the same page, or the comparison means nothing.
  const viaStrapi = (await strapiFindMany()) as Array<{ documentId: string }>;
  const same = viaStrapi.map((row) => row.documentId).join() === first.data.map((row) => row.documentId).join();
  log(`Strapi's findMany returns the same ${SETTINGS.pageSize} rows as the plugin: ${same ? 'yes' : 'NO'}`);

  // The message-word search must find exactly the one chat whose order number it names.
  const byOrder = await get(`${LIST}?folder=unassigned&limit=${SETTINGS.pageSize}&search=${seeded.rareWordSearch}`);
  log(`the search for one chat's order number finds exactly one chat: ${byOrder.data.length === 1 ? 'yes' : `NO (${byOrder.data.length})`}`);

  const cases: Case[] = [
    // The floor under every case: HTTP, Strapi's admin auth and routing, and no plugin query.
    { name: 'auth floor: GET /live-chat/me', transport: 'HTTP, no list', run: () => get('/live-chat/me') },
    { name: 'unassigned, page 1', transport: 'HTTP', run: page('unassigned') },
    { name: 'mine, page 1', transport: 'HTTP', run: page('mine') },
    { name: 'closed, page 1', transport: 'HTTP', run: page('closed') },
    { name: `closed, page ${SETTINGS.deepPage + 1} (cursor)`, transport: 'HTTP', run: page('closed', `&cursor=${cursor}`) },
    { name: `search "${COMMON_SEARCH}" (~4% of visitors)`, transport: 'HTTP', run: page('unassigned', `&search=${COMMON_SEARCH}`) },
    {
      name: 'search one visitor (oldest chat)',
      transport: 'HTTP',
      run: page('unassigned', `&search=${encodeURIComponent(seeded.rareSearch)}`),
    },
    {
      name: 'search a message word of one chat (oldest)',
      transport: 'HTTP',
      run: page('unassigned', `&search=${seeded.rareWordSearch}`),
    },
    { name: `search "${PRODUCT_SEARCH}" (~1% of chats)`, transport: 'HTTP', run: page('unassigned', `&search=${PRODUCT_SEARCH}`) },
    { name: `search "${COMMON_WORD_SEARCH}" (every chat)`, transport: 'HTTP', run: page('closed', `&search=${COMMON_WORD_SEARCH}`) },
    {
      name: 'unassigned, page 1: plugin service list()',
      transport: 'in-process',
      run: () => strapi.plugin('live-chat').service('conversations').list(agent, { folder: 'unassigned', limit: SETTINGS.pageSize }),
    },
    { name: "unassigned, page 1: Strapi's findMany", transport: 'in-process', run: strapiFindMany },
  ];

  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const samples = await timeSamples(benchCase.run, SETTINGS.samples, SETTINGS.warmup);
    // Counted after the timed runs, on a warm request, with nothing else in flight.
    const queries = await countQueries(strapi, benchCase.run);
    results.push({ name: benchCase.name, transport: benchCase.transport, latency: summarize(samples), queries });
    log(`  measured: ${benchCase.name}`);
  }

  const timings: StatementTiming[] = [];
  for (const result of results.filter((item) => item.transport === 'HTTP')) {
    timings.push(...(await timeStatements(strapi, result.name, result.queries.statements, 100)));
  }

  // Other processes on the machine inflate the tails; the load average says how busy it was.
  log(`\nload average at the end: ${loadAverage()}`);
  log('\nLatency and SQL statements per request (sequential requests, keep-alive):\n');
  log(resultsTable(results));
  log('\nEach plugin statement run alone (knex.raw, 100 runs):\n');
  log(statementsTable(timings));

  const listRequest = results.find((item) => item.transport === 'HTTP')!;
  log(`\nNon-plugin statements of one list request (Strapi's admin auth):\n${otherStatements(listRequest.queries)}`);

  // The plans of the slowest HTTP case's statements, and of the slowest statement if it is elsewhere.
  const slowestCase = results.filter((item) => item.transport === 'HTTP').sort((a, b) => b.latency.p95 - a.latency.p95)[0]!;
  const slowest = [...timings].sort((a, b) => b.p50 - a.p50)[0];
  const toExplain = slowestCase.queries.statements.filter((query) => query.plugin);
  if (slowest && !toExplain.includes(slowest.query)) toExplain.push(slowest.query);
  log(`\nSlowest HTTP case (p95): ${slowestCase.name}; slowest statement (p50): ${slowest?.statement} in "${slowest?.caseName}"`);
  for (const statement of toExplain) {
    log(`\n${statement.sql.replace(/\s+/g, ' ')}\n-- bindings: ${JSON.stringify(statement.bindings)}\n${await explain(strapi, statement)}`);
  }
}

async function main() {
  const started = performance.now();
  const app = await bootBenchApp();
  try {
    await benchmark(app);
  } finally {
    await app.stop();
  }
  log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
