/**
 * The client side of bench/delivery, forked by run.ts into its own process: agents' and visitors'
 * HTTP calls and sockets, the load, and the latency clock (emit, ack and delivery are all timed
 * here, on one clock). It obeys commands from the server process (protocol.ts) and exits with it.
 */
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, SOCKET_PATH } from '../../plugins/live-chat/shared/events';
import { addressFor } from './ips';
import type { ChildMessage, Commands, CommandName, Credentials, LoadArgs, LoadResult, ParentMessage, Target } from './protocol';
import { cpuMeter, LoopLag, summarize } from './stats';

interface Visitor {
  index: number;
  /** Loopback source address of this visitor's HTTP calls and socket. */
  address: string;
  token: string;
  socket?: Socket;
  target?: Target;
  documentId?: string;
}

interface Pending {
  t0: number;
  inWindow: boolean;
  acked: boolean;
  refused: boolean;
  delivered: boolean;
}

const state = {
  strapiUrl: '',
  relayUrl: null as string | null,
  agents: [] as Array<Credentials & { token: string }>,
  agentSockets: [] as Socket[],
  groups: new Map<string, Visitor[]>(),
  httpAgents: new Map<string, http.Agent>(),
  /** The message being timed, by clientId (set while a load runs). */
  pending: new Map<string, Pending>(),
  onDelivered: null as ((clientId: string, at: number) => void) | null,
};

const send = (message: ChildMessage) => process.send?.(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

/** POST with a JSON body from a given loopback address (keep-alive per address). */
function postJson(url: string, body: unknown, options: { address?: string; token?: string } = {}): Promise<{ status: number; body: any }> {
  const address = options.address ?? '127.0.0.1';
  let agent = state.httpAgents.get(address);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    state.httpAgents.set(address, agent);
  }
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        localAddress: address,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text for the error message
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('HTTP timeout')));
    request.on('error', reject);
    request.end(payload);
  });
}

/** Runs `work` for 0..count-1 with at most `concurrency` in flight; stops starting new ones after the deadline. */
async function pool(countOf: number, concurrency: number, deadline: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < countOf && performance.now() < deadline) {
      const index = next;
      next += 1;
      await work(index);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, countOf)) }, worker));
  return done;
}

function openSocket(url: string, namespace: string, auth: object, address?: string): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
    // engine.io-client hands localAddress to ws (and so to the TCP connect); it is not in its typings.
    ...(address ? ({ localAddress: address } as object) : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const urlOf = (target: Target) => {
  const url = target === 'strapi' ? state.strapiUrl : state.relayUrl;
  if (!url) throw new Error(`no URL for target ${target}`);
  return url;
};

/** The agent a visitor is paired with: visitor i ↔ agent i mod agents, on both targets. */
const agentOf = (visitor: Visitor, agents: number) => visitor.index % agents;

function groupOf(name: string): Visitor[] {
  const group = state.groups.get(name);
  if (!group) throw new Error(`unknown group ${name}`);
  return group;
}

const handlers: { [K in CommandName]: (args: Commands[K]['args']) => Promise<Commands[K]['result']> } = {
  async init({ strapiUrl, relayUrl }) {
    state.strapiUrl = strapiUrl;
    state.relayUrl = relayUrl;
    return null;
  },

  async signInAgents({ agents }) {
    const started = performance.now();
    state.agents = [];
    for (const agent of agents) {
      const response = await postJson(`${state.strapiUrl}/admin/login`, { email: agent.email, password: agent.password });
      const token = response.body?.data?.token;
      if (response.status !== 200 || typeof token !== 'string') {
        throw new Error(`admin login failed (${response.status}): ${JSON.stringify(response.body)}`);
      }
      state.agents.push({ ...agent, token });
    }
    return { seconds: (performance.now() - started) / 1000 };
  },

  async createVisitors({ group, count: wanted, perIp, ipBlock, concurrency, deadlineMs, connect, url, addresses }) {
    const base = url ?? state.strapiUrl;
    const started = performance.now();
    const visitors: Visitor[] = [];
    state.groups.set(group, visitors);
    const errors: Record<string, number> = {};
    let connected = 0;
    await pool(wanted, concurrency, started + deadlineMs, async (index) => {
      const address = addresses ? addresses[Math.floor(index / perIp) % addresses.length]! : addressFor(ipBlock, index, perIp);
      let token: unknown;
      try {
        const response = await postJson(`${base}/live-chat/widget/session`, {}, { address });
        token = response.body?.data?.token;
        if (response.status !== 200 || typeof token !== 'string') {
          count(errors, `session: ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
          return;
        }
      } catch (error) {
        count(errors, `session: ${(error as Error).message}`);
        return;
      }
      const visitor: Visitor = { index, address, token };
      visitors.push(visitor);
      if (!connect) return;
      try {
        visitor.socket = await openSocket(connect === 'strapi' ? base : urlOf(connect), NAMESPACES.visitor, { token }, address);
        visitor.target = connect;
        connected += 1;
      } catch (error) {
        count(errors, `socket: ${(error as Error).message}`);
      }
    });
    visitors.sort((a, b) => a.index - b.index);
    return {
      created: visitors.length,
      connected,
      seconds: (performance.now() - started) / 1000,
      addresses: new Set(visitors.map((visitor) => visitor.address)).size,
      errors,
    };
  },

  async connectVisitors({ group, target, concurrency, deadlineMs, limit }) {
    const started = performance.now();
    const visitors = groupOf(group).filter((visitor) => !visitor.socket).slice(0, limit ?? Number.MAX_SAFE_INTEGER);
    const agents = Math.max(1, state.agents.length);
    const errors: Record<string, number> = {};
    let connected = 0;
    await pool(visitors.length, concurrency, started + deadlineMs, async (index) => {
      const visitor = visitors[index]!;
      const auth = target === 'strapi' ? { token: visitor.token } : { agent: agentOf(visitor, agents) };
      try {
        visitor.socket = await openSocket(urlOf(target), NAMESPACES.visitor, auth, visitor.address);
        visitor.target = target;
        connected += 1;
      } catch (error) {
        count(errors, (error as Error).message);
      }
    });
    return { connected, failed: Object.values(errors).reduce((a, b) => a + b, 0), seconds: (performance.now() - started) / 1000, errors };
  },

  async disconnect({ group, keep = 0 }) {
    let closed = 0;
    for (const visitor of groupOf(group).slice(keep)) {
      if (!visitor.socket) continue;
      visitor.socket.disconnect();
      visitor.socket = undefined;
      visitor.documentId = undefined;
      closed += 1;
    }
    return { closed };
  },

  async connectAgents({ target, count: wanted, url, address }) {
    const started = performance.now();
    if (wanted > state.agents.length) throw new Error(`only ${state.agents.length} agents signed in`);
    for (let index = 0; index < wanted; index += 1) {
      const auth = target === 'strapi' ? { token: state.agents[index]!.token } : { agent: index };
      const socket = await openSocket(url ?? urlOf(target), NAMESPACES.agent, auth, address);
      socket.on('timeline:entry', (payload: { entry?: { clientId?: string | null } }) => {
        const clientId = payload?.entry?.clientId;
        if (clientId) state.onDelivered?.(clientId, performance.now());
      });
      state.agentSockets.push(socket);
    }
    return { connected: wanted, seconds: (performance.now() - started) / 1000 };
  },

  async disconnectAgents() {
    for (const socket of state.agentSockets.splice(0)) socket.disconnect();
    return null;
  },

  async startConversations({ group, target, agents, concurrency }) {
    const started = performance.now();
    const visitors = groupOf(group).filter((visitor) => visitor.socket?.connected);
    const errors: Record<string, number> = {};
    let startedCount = 0;
    let assigned = 0;
    await pool(visitors.length, concurrency, Number.POSITIVE_INFINITY, async (index) => {
      const visitor = visitors[index]!;
      const ack = (await visitor.socket!.timeout(30_000).emitWithAck('conversation:start', {})) as
        | { ok: true; data: { documentId: string } }
        | { ok: false; error: { code: string } };
      if (!ack.ok) {
        count(errors, `start: ${ack.error.code}`);
        return;
      }
      startedCount += 1;
      visitor.documentId = ack.data.documentId;
      if (target === 'relay') {
        assigned += 1;
        return;
      }
      const agent = state.agents[agentOf(visitor, agents)]!;
      const response = await postJson(`${state.strapiUrl}/live-chat/conversations/${visitor.documentId}/assign`, {}, { token: agent.token });
      if (response.status === 200) assigned += 1;
      else count(errors, `assign: ${response.status} ${response.body?.error?.details?.code ?? response.body?.error?.message ?? ''}`);
    });
    return { started: startedCount, assigned, seconds: (performance.now() - started) / 1000, errors };
  },

  async runLoad(args) {
    return runLoad(args);
  },

  async exit() {
    for (const socket of state.agentSockets.splice(0)) socket.disconnect();
    for (const group of state.groups.values()) for (const visitor of group) visitor.socket?.disconnect();
    for (const agent of state.httpAgents.values()) agent.destroy();
    setTimeout(() => process.exit(0), 100);
    return null;
  },
};

/**
 * Sends visitor messages and times each one from emit to its ack (stored) and to the paired agent's
 * `timeline:entry` with the same clientId (delivered). Only messages emitted inside the measured
 * window count; the warm-up before it and the drain after it do not.
 */
async function runLoad(args: LoadArgs): Promise<LoadResult> {
  const visitors = groupOf(args.group).filter((visitor) => visitor.socket?.connected && visitor.documentId);
  if (visitors.length === 0) throw new Error(`group ${args.group} has no connected visitor with a conversation`);
  const pending = state.pending;
  pending.clear();
  const ackLatencies: number[] = [];
  const deliveryLatencies: number[] = [];
  const refused: Record<string, number> = {};
  let ackedInWindow = 0;
  let ackedTotal = 0;
  let sent = 0;
  let scheduleLagMaxMs = 0;
  let sequence = 0;

  const startAt = performance.now();
  const windowStart = startAt + args.warmupMs;
  const windowEnd = windowStart + args.durationMs;
  const inWindow = (at: number) => at >= windowStart && at < windowEnd;

  const loopLag = new LoopLag(10);
  const cpu = cpuMeter();
  let clientCpuPercent = Number.NaN;
  let clientLoopLag = { p50: Number.NaN, p99: Number.NaN };
  setTimeout(() => {
    loopLag.reset();
    cpu.reset();
    send({ kind: 'window', label: args.label, phase: 'start' });
  }, Math.max(0, windowStart - performance.now()));
  setTimeout(() => {
    clientCpuPercent = cpu.percent();
    clientLoopLag = loopLag.read();
    send({ kind: 'window', label: args.label, phase: 'end' });
  }, Math.max(0, windowEnd - performance.now()));

  state.onDelivered = (clientId, at) => {
    const record = pending.get(clientId);
    if (!record || record.delivered) return;
    record.delivered = true;
    if (record.inWindow) deliveryLatencies.push(at - record.t0);
  };

  const emit = (visitor: Visitor, onAck?: () => void) => {
    sequence += 1;
    // 8 to 64 characters of [A-Za-z0-9_-], as the server's schema requires.
    const clientId = `bench-${args.label.replace(/[^A-Za-z0-9_-]/g, '_')}-${visitor.index}-${sequence}`;
    const t0 = performance.now();
    const record: Pending = { t0, inWindow: inWindow(t0), acked: false, refused: false, delivered: false };
    if (record.inWindow) sent += 1;
    pending.set(clientId, record);
    visitor.socket!.emit('message:send', { clientId, body: `Benchmark message ${clientId}` }, (ack: { ok: boolean; error?: { code: string } }) => {
      const at = performance.now();
      if (ack?.ok) {
        record.acked = true;
        ackedTotal += 1;
        if (inWindow(at)) ackedInWindow += 1;
        if (record.inWindow) ackLatencies.push(at - t0);
      } else {
        count(refused, ack?.error?.code ?? 'no ack payload');
        record.refused = true;
        record.delivered = true; // a refused message is never delivered: stop waiting for it
      }
      onAck?.();
    });
  };

  await new Promise<void>((resolve) => {
    if (args.mode === 'paced') {
      const interval = 1000 / (args.rate ?? 1);
      let k = 0;
      const tick = () => {
        const now = performance.now();
        let nextAt = startAt + k * interval;
        while (nextAt <= now && nextAt < windowEnd) {
          if (inWindow(nextAt)) scheduleLagMaxMs = Math.max(scheduleLagMaxMs, now - nextAt);
          emit(visitors[k % visitors.length]!);
          k += 1;
          nextAt = startAt + k * interval;
        }
        if (nextAt >= windowEnd) resolve();
        else setTimeout(tick, Math.max(0, nextAt - performance.now()));
      };
      tick();
    } else {
      const minInterval = args.minIntervalMs ?? 0;
      let running = visitors.length;
      // A visitor whose ack never comes would hold the loop open: stop waiting at the end of the drain.
      setTimeout(resolve, windowEnd - performance.now() + args.drainMs);
      visitors.forEach((visitor, index) => {
        let lastSend = 0;
        const fire = () => {
          const now = performance.now();
          if (now >= windowEnd) {
            running -= 1;
            if (running === 0) resolve();
            return;
          }
          lastSend = now;
          emit(visitor, () => setTimeout(fire, Math.max(0, lastSend + minInterval - performance.now())));
        };
        // Staggered starts, so the visitors do not send in lockstep.
        setTimeout(fire, (index * minInterval) / visitors.length);
      });
    }
  });

  // Drain: late acks and deliveries of messages sent in the window still count (their latency is real).
  const drainUntil = Math.max(windowEnd, performance.now()) + args.drainMs;
  const outstanding = () => [...pending.values()].some((record) => record.inWindow && !record.refused && (!record.acked || !record.delivered));
  while (performance.now() < windowEnd || (outstanding() && performance.now() < drainUntil)) await sleep(20);
  state.onDelivered = null;
  loopLag.stop();

  const windowRecords = [...pending.values()].filter((record) => record.inWindow);
  const acked = windowRecords.filter((record) => record.acked).length;
  const delivered = windowRecords.filter((record) => record.acked && record.delivered).length;
  const seconds = args.durationMs / 1000;
  pending.clear();
  return {
    visitors: visitors.length,
    sent,
    sentPerSecond: sent / seconds,
    ackedPerSecond: ackedInWindow / seconds,
    ackedInWindow,
    acked,
    refused,
    unacked: windowRecords.filter((record) => !record.acked && !record.refused).length,
    delivered,
    undelivered: acked - delivered,
    ack: summarize(ackLatencies),
    delivery: summarize(deliveryLatencies),
    scheduleLagMaxMs,
    ackedTotal,
    clientCpuPercent,
    clientLoopLag,
  };
}

process.on('message', (message: ParentMessage) => {
  const handler = handlers[message.command] as (args: unknown) => Promise<unknown>;
  handler(message.args).then(
    (result) => send({ kind: 'result', id: message.id, result }),
    (error: unknown) => send({ kind: 'error', id: message.id, message: String((error as Error)?.stack ?? error) }),
  );
});

// The server process owns this one: when it goes, so do we.
process.on('disconnect', () => process.exit(0));
