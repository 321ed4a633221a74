/**
 * Benchmark of the real-time delivery path (issue 4): boots Strapi on a throw-away database, forks
 * a client process holding every socket, and measures
 *   C  idle memory: server RSS with 10,000 idle widgets (each its own visitor session);
 *   A  latency: visitor → agent at 200 msg/s over 50 assigned chats with 1,000 idle widgets;
 *      baseline: the same load through a bare Socket.IO relay (no storage);
 *   B  throughput: stored (acked) messages per second, each visitor as fast as its rate limit allows;
 * then traces one message statement by statement and CPU-profiles the server under B's load.
 * The server's rate limits are respected, not changed: load is spread over enough visitors, and
 * clients bind to different loopback source addresses to count as different IPs.
 * See docs/benchmarks.md for how to run it and what it found.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { uid } from '../../plugins/live-chat/shared/constants';
import { bootBenchApp, type BenchApp } from '../inbox-list/boot';
import { guarded, runAndExit } from '../exit';
import { createAgents } from './agents';
import { ClientProcess } from './child';
import { summarizeProfile, startProfiler } from './profile';
import type { Credentials, LoadResult } from './protocol';
import { startRelay, type Relay } from './relay';
import { printReport, type IdleResult, type Measured, type Results, type ServerWindow } from './report';
import { SERVER_LIMITS, SETTINGS } from './settings';
import { cpuMeter, LoopLag, mb } from './stats';
import { StallWatch } from './stalls';
import { traceMessages } from './trace';

const log = (message: string) => process.stdout.write(`${message}\n`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = (globalThis as { gc?: () => void }).gc;

/** RSS, CPU and event-loop lag of this process (the server) over each measured window the client opens. */
class ServerProbe {
  readonly windows = new Map<string, ServerWindow>();
  private readonly stalls: StallWatch;
  private readonly lag = new LoopLag(SETTINGS.eventLoopResolutionMs);
  private readonly cpu = cpuMeter();
  private sampler: NodeJS.Timeout | null = null;
  private rssMax = 0;

  constructor(strapi: Core.Strapi) {
    this.stalls = new StallWatch(strapi);
  }

  onWindow(label: string, phase: 'start' | 'end') {
    if (phase === 'start') {
      this.stalls.start();
      this.lag.reset();
      this.cpu.reset();
      this.rssMax = process.memoryUsage().rss;
      this.sampler = setInterval(() => {
        this.rssMax = Math.max(this.rssMax, process.memoryUsage().rss);
      }, 250);
      return;
    }
    if (this.sampler) clearInterval(this.sampler);
    this.sampler = null;
    const rss = process.memoryUsage().rss;
    this.windows.set(label, {
      eventLoop: this.lag.read(),
      cpuPercent: this.cpu.percent(),
      rssMaxMb: mb(Math.max(this.rssMax, rss)),
      rssEndMb: mb(rss),
      loadAverage: loadAverage(),
      stalls: this.stalls.end(),
    });
  }

  stop() {
    if (this.sampler) clearInterval(this.sampler);
    this.lag.stop();
    this.stalls.dispose();
  }
}

/** Memory after two full collections (if --expose-gc), so the figure is what is live, not garbage. */
async function settledMemory() {
  for (let round = 0; round < 2; round += 1) {
    gc?.();
    await sleep(500);
  }
  return process.memoryUsage();
}

async function idleScenario(client: ClientProcess): Promise<IdleResult> {
  const { c } = SETTINGS;
  await sleep(1000);
  const before = await settledMemory();
  log(`C: connecting ${c.sockets} idle widgets (session + socket each, ${c.socketsPerIp} per loopback address, deadline ${c.setupDeadlineSeconds} s)…`);
  const created = await client.call(
    'createVisitors',
    { group: 'c', count: c.sockets, perIp: c.socketsPerIp, ipBlock: 4, concurrency: 32, deadlineMs: c.setupDeadlineSeconds * 1000, connect: 'strapi' },
    (c.setupDeadlineSeconds + 120) * 1000,
  );
  log(`C: ${created.created} sessions, ${created.connected} sockets on ${created.addresses} addresses in ${created.seconds.toFixed(1)} s ${JSON.stringify(created.errors)}`);
  await sleep(3000);
  const raw = process.memoryUsage();
  const after = await settledMemory();
  return {
    wanted: c.sockets,
    connected: created.connected,
    setupSeconds: created.seconds,
    addresses: created.addresses,
    errors: created.errors,
    rssBeforeMb: mb(before.rss),
    rssAfterRawMb: mb(raw.rss),
    rssAfterMb: mb(after.rss),
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    gcAvailable: gc !== undefined,
    loadAverage: loadAverage(),
  };
}

async function benchmark(app: BenchApp, relay: Relay, results: Results) {
  const { strapi, baseUrl } = app;
  const dialect = strapi.db.dialect.client;
  log(`database: ${dialect}, Node ${process.version}, ${os.cpus().length} cores, load ${loadAverage()}`);
  log(`server RSS after boot: ${mb(process.memoryUsage().rss).toFixed(0)} MB`);

  const { a, b } = SETTINGS;
  const perVisitorRate = a.rate / a.pairs;
  if ((perVisitorRate * 5 + 1) > SERVER_LIMITS.visitorEventsPer5s * 0.9) {
    throw new Error(`A: ${perVisitorRate} msg/s per visitor is too close to the limit of ${SERVER_LIMITS.visitorEventsPer5s} events / 5 s: use more pairs`);
  }

  const agents: Credentials[] = await createAgents(strapi, SETTINGS.agents);
  log(`${agents.length} agents created`);

  const probe = new ServerProbe(strapi);
  const client = new ClientProcess((label, phase) => probe.onWindow(label, phase));
  const messages = () => strapi.db.query(uid('message')).count({});
  try {
    await client.call('init', { strapiUrl: baseUrl, relayUrl: relay.url });
    const signedIn = await client.call('signInAgents', { agents });
    log(`agents signed in through POST /admin/login in ${signedIn.seconds.toFixed(1)} s`);

    // ---- C: idle memory, first, on a process that has served nothing else yet.
    const idle = await idleScenario(client);
    results.idle = idle;
    const kept = Math.min(a.idle, idle.connected);
    await client.call('disconnect', { group: 'c', keep: kept });
    log(`C: kept ${kept} idle widgets connected for A`);
    if (kept < a.idle) {
      const extra = await client.call('createVisitors', {
        group: 'idle-extra', count: a.idle - kept, perIp: SETTINGS.c.socketsPerIp, ipBlock: 5,
        concurrency: SETTINGS.setupConcurrency, deadlineMs: 120_000, connect: 'strapi',
      });
      log(`A: ${extra.connected} more idle widgets ${JSON.stringify(extra.errors)}`);
    }
    await sleep(2000);

    // ---- A: latency at the target rate, with the idle widgets connected.
    const runA = async (target: 'strapi' | 'relay', label: string): Promise<Measured> => {
      await client.call('connectAgents', { target, count: a.pairs });
      if (target === 'strapi') {
        const created = await client.call('createVisitors', {
          group: 'a', count: a.pairs, perIp: a.visitorsPerIp, ipBlock: 1, concurrency: SETTINGS.setupConcurrency, deadlineMs: 120_000, connect: 'strapi',
        });
        if (created.connected !== a.pairs) throw new Error(`A: only ${created.connected} of ${a.pairs} visitors connected ${JSON.stringify(created.errors)}`);
      } else {
        // The same visitors (and the same idle widgets) as A, now on the relay.
        const idleOnRelay = await client.call('connectVisitors', { group: 'c', target, concurrency: 32, deadlineMs: 120_000, limit: kept });
        const pairs = await client.call('connectVisitors', { group: 'a', target, concurrency: SETTINGS.setupConcurrency, deadlineMs: 60_000 });
        log(`baseline: ${idleOnRelay.connected} idle + ${pairs.connected} visitor sockets on the relay`);
      }
      const conversations = await client.call('startConversations', { group: 'a', target, agents: a.pairs, concurrency: 8 });
      log(`${label}: ${conversations.started} conversations started, ${conversations.assigned} assigned in ${conversations.seconds.toFixed(1)} s ${JSON.stringify(conversations.errors)}`);
      if (conversations.assigned !== a.pairs) throw new Error(`${label}: only ${conversations.assigned} of ${a.pairs} conversations assigned`);
      await sleep(5500); // the visitors' rate-limit windows of the set-up pass
      log(`${label}: ${a.rate} msg/s for ${a.seconds} s (+${a.warmupSeconds} s warm-up), load ${loadAverage()}`);
      const load: LoadResult = await client.call('runLoad', {
        group: 'a', mode: 'paced', rate: a.rate, warmupMs: a.warmupSeconds * 1000, durationMs: a.seconds * 1000,
        drainMs: SETTINGS.drainSeconds * 1000, label,
      });
      return { label, target, load, server: probe.windows.get(label)! };
    };

    const ours = await runA('strapi', 'A');
    results.measured.push(ours);
    for (const rate of a.sweepRates) {
      await sleep(5500);
      const label = `A@${rate}`;
      log(`${label}: ${rate} msg/s for ${a.sweepSeconds} s, load ${loadAverage()}`);
      const load = await client.call('runLoad', {
        group: 'a', mode: 'paced', rate, warmupMs: 2000, durationMs: a.sweepSeconds * 1000, drainMs: SETTINGS.drainSeconds * 1000, label,
      });
      results.measured.push({ label, target: 'strapi', load, server: probe.windows.get(label)! });
    }
    await client.call('disconnect', { group: 'a' });
    await client.call('disconnect', { group: 'c' });
    await client.call('disconnect', { group: 'idle-extra' }).catch(() => undefined);
    await client.call('disconnectAgents', {});
    await sleep(2000);

    const bare = await runA('relay', 'baseline');
    results.measured.push(bare);
    await client.call('disconnect', { group: 'a' });
    await client.call('disconnect', { group: 'c' });
    await client.call('disconnectAgents', {});
    await sleep(2000);

    // ---- B: throughput, every visitor sending again on its ack, within its own rate limit.
    await client.call('connectAgents', { target: 'strapi', count: SETTINGS.agents });
    const bVisitors = await client.call('createVisitors', {
      group: 'b', count: b.visitors, perIp: b.visitorsPerIp, ipBlock: 2, concurrency: SETTINGS.setupConcurrency, deadlineMs: 180_000, connect: 'strapi',
    });
    log(`B: ${bVisitors.connected} visitors on ${bVisitors.addresses} addresses in ${bVisitors.seconds.toFixed(1)} s ${JSON.stringify(bVisitors.errors)}`);
    const bConversations = await client.call('startConversations', { group: 'b', target: 'strapi', agents: SETTINGS.agents, concurrency: 8 });
    log(`B: ${bConversations.assigned} conversations assigned in ${bConversations.seconds.toFixed(1)} s ${JSON.stringify(bConversations.errors)}`);
    await sleep(5500);
    const rowsBefore = Number(await messages());
    log(`B: closed loop, ${bConversations.assigned} visitors, ≤ ${1000 / b.minIntervalMs} msg/s each, for ${b.seconds} s (+${b.warmupSeconds} s warm-up), load ${loadAverage()}`);
    const bLoad = await client.call('runLoad', {
      group: 'b', mode: 'closed', minIntervalMs: b.minIntervalMs, warmupMs: b.warmupSeconds * 1000, durationMs: b.seconds * 1000,
      drainMs: SETTINGS.drainSeconds * 1000, label: 'B',
    });
    const rowsAfter = Number(await messages());
    results.measured.push({ label: 'B', target: 'strapi', load: bLoad, server: probe.windows.get('B')!, storedRows: rowsAfter - rowsBefore });

    // ---- Where the time goes: a CPU profile of this process under the same load.
    if (b.profileSeconds > 0) {
      await sleep(5500);
      const stop = await startProfiler();
      const profiled = await client.call('runLoad', {
        group: 'b', mode: 'closed', minIntervalMs: b.minIntervalMs, warmupMs: 0, durationMs: b.profileSeconds * 1000, drainMs: 2000, label: 'profile',
      });
      const profile = await stop();
      // BENCH_PROFILE_FILE=/path/x.cpuprofile keeps the raw profile (Chrome DevTools / speedscope can open it).
      if (process.env.BENCH_PROFILE_FILE) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(profile));
      results.profile = summarizeProfile(profile, /live-chat|^(findMany|findOne|count|transaction|generateUserAbility) \(@strapi|^(query|runner|transaction) \(knex|^(consume) \(rate-limiter/);
      results.profileRate = profiled.ackedPerSecond;
    }
    await client.call('disconnect', { group: 'b' });
    await client.call('disconnectAgents', {});
    await sleep(1000);

    // ---- One message, statement by statement, with nothing else in flight.
    if (SETTINGS.traceMessages > 0) results.trace = await traceMessages(strapi, baseUrl, agents[agents.length - 1]!, SETTINGS.traceMessages);
  } finally {
    await client.stop();
    probe.stop();
  }
  results.dialect = dialect;
}


async function main() {
  const started = performance.now();
  log(`bench/delivery, ${new Date().toISOString()}, load average ${loadAverage()}${gc ? '' : ' (run with --expose-gc for settled memory figures)'}`);
  const app = await bootBenchApp();
  let relay: Relay | null = null;
  const results: Results = { measured: [] };
  const cleanup = async () => {
    await relay?.close().catch(() => undefined);
    await app.stop();
  };
  await guarded({ watchdogMinutes: SETTINGS.watchdogMinutes, log, cleanup }, async () => {
    relay = await startRelay();
    await benchmark(app, relay, results);
  });
  printReport(results, log);
  log(`\nload average at the end: ${loadAverage()}; done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

runAndExit(main);
