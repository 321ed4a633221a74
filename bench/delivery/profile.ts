import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  seconds: number;
  /** Share of the profiled wall time the main thread spent in each area (self time). */
  byArea: Array<{ area: string; percent: number }>;
  /** The functions with the most self time. */
  topFunctions: Array<{ name: string; where: string; percent: number }>;
  /** Inclusive time (self + callees) under a few functions of interest. */
  inclusive: Array<{ name: string; percent: number }>;
  /** Each sample charged to the first layer found on its stack (database first, then Socket.IO, then the plugin). */
  layers: Array<{ layer: string; percent: number }>;
}

const DATABASE = new Set(['knex', '@strapi/database', 'better-sqlite3', 'pg', 'pg-protocol', 'pg-pool', 'tarn']);
const SOCKETS = new Set(['socket.io', 'engine.io', 'ws', 'socket.io-parser', 'socket.io-adapter', 'engine.io-parser']);

function layerOf(areas: Set<string>, own: string): string {
  if ([...areas].some((area) => DATABASE.has(area))) return 'database layer: knex, Strapi query engine, driver (incl. its syscalls)';
  if ([...areas].some((area) => SOCKETS.has(area))) return 'Socket.IO / engine.io / ws (incl. socket writes)';
  if (areas.has('live-chat plugin (dist)')) return 'plugin code outside database calls';
  if (areas.has('(the profiler itself)')) return '(the profiler itself)';
  return own.startsWith('(native)') ? 'other native / node core' : own.startsWith('node:') ? 'other native / node core' : own;
}

const post = <T>(session: Session, method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

/** The CPU profiler of this very process (the server), as `node --cpu-prof` would record it. */
export async function startProfiler(): Promise<() => Promise<Profile>> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    await post(session, 'Profiler.disable');
    session.disconnect();
    return profile;
  };
}

/** Which package or part of the program a function belongs to. */
function areaOf(frame: ProfileNode['callFrame'], caller?: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url && caller?.url === 'node:inspector') return '(the profiler itself)';
  if (!url) {
    if (functionName === '(idle)') return '(idle: waiting for I/O)';
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: native, outside JS)';
    return `(native) ${functionName || 'anonymous'}`;
  }
  if (url === 'node:inspector') return '(the profiler itself)';
  if (url.startsWith('node:')) return 'node: core (net, streams, crypto, timers…)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes('/plugins/live-chat/')) return 'live-chat plugin (dist)';
  if (url.includes('/bench/')) return 'benchmark (this process: relay, orchestration)';
  return url.replace(/^file:\/\//, '');
}

const shortUrl = (url: string) => {
  const modules = url.lastIndexOf('/node_modules/');
  const short = modules >= 0 ? url.slice(modules + '/node_modules/'.length) : url.replace(/^file:\/\/.*?\/(plugins|bench|dist)\//, '$1/');
  return short || '(native)';
};

/** Self time per area and per function, and inclusive time for functions matching `interesting`. */
export function summarizeProfile(profile: Profile, interesting: RegExp): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, index) => {
    // Each sample's delta is the time since the previous sample: charge it to this sample's node.
    const delta = Math.max(0, deltas[index] ?? 0);
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
  });
  const percent = (value: number) => (total > 0 ? (value / total) * 100 : 0);

  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; time: number }>();
  const inclusive = new Map<string, number>();
  const layers = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id)!;
    const area = areaOf(node.callFrame, byId.get(parent.get(id) ?? -1)?.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + time);
    const name = node.callFrame.functionName || '(anonymous)';
    // A native function (no url) is placed by the JS function that called it.
    const caller = node.callFrame.url ? undefined : byId.get(parent.get(id) ?? -1)?.callFrame;
    const where = node.callFrame.url
      ? `${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`
      : caller?.url
        ? `native, called by ${caller.functionName || '(anonymous)'} (${shortUrl(caller.url)}:${caller.lineNumber + 1})`
        : '';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, time: 0 };
    entry.time += time;
    functions.set(key, entry);

    // Inclusive: charge the time once to each distinct interesting function on the stack.
    const seen = new Set<string>();
    const stackAreas = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)!.callFrame;
      if (frame.url) stackAreas.add(areaOf(frame));
      const label = frame.functionName ? `${frame.functionName} (${shortUrl(frame.url)})` : '';
      if (label && interesting.test(label) && !seen.has(label)) {
        seen.add(label);
        inclusive.set(label, (inclusive.get(label) ?? 0) + time);
      }
    }
    const layer = layerOf(stackAreas, area);
    layers.set(layer, (layers.get(layer) ?? 0) + time);
  }

  return {
    seconds: (profile.endTime - profile.startTime) / 1e6,
    byArea: [...areas].map(([area, time]) => ({ area, percent: percent(time) })).sort((a, b) => b.percent - a.percent),
    topFunctions: [...functions.values()]
      .map(({ name, where, time }) => ({ name, where, percent: percent(time) }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 20),
    inclusive: [...inclusive].map(([name, time]) => ({ name, percent: percent(time) })).sort((a, b) => b.percent - a.percent).slice(0, 25),
    layers: [...layers].map(([layer, time]) => ({ layer, percent: percent(time) })).sort((a, b) => b.percent - a.percent),
  };
}
