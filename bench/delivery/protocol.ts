/**
 * What the server process (run.ts, which hosts Strapi and the bare relay) and the client process
 * (client.ts, every socket and HTTP client) say to each other over Node's IPC channel. The clients
 * live in their own process so the server's RSS, CPU time and event-loop lag are the server's alone.
 */

/** Where a group of sockets connects: the real plugin, or the bare Socket.IO relay (baseline). */
export type Target = 'strapi' | 'relay';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface Credentials {
  id: number;
  email: string;
  password: string;
}

export interface Commands {
  init: { args: { strapiUrl: string; relayUrl: string | null }; result: null };
  signInAgents: { args: { agents: Credentials[] }; result: { seconds: number } };
  /**
   * Visitor sessions (POST /live-chat/widget/session), each group's visitors on their own loopback
   * addresses; with `connect`, each visitor's socket is opened right after its session, as a widget does.
   * `url` (default: init's strapiUrl) is where both go; `addresses` (default: the `ipBlock` ones) are
   * the source addresses to use, `perIp` visitors on each (a cluster bench picks them per node).
   */
  createVisitors: {
    args: {
      group: string; count: number; perIp: number; ipBlock: number; concurrency: number; deadlineMs: number; connect?: Target;
      url?: string; addresses?: string[];
    };
    result: { created: number; connected: number; seconds: number; addresses: number; errors: Record<string, number> };
  };
  connectVisitors: {
    args: { group: string; target: Target; concurrency: number; deadlineMs: number; limit?: number };
    result: { connected: number; failed: number; seconds: number; errors: Record<string, number> };
  };
  /** Closes a group's sockets, optionally keeping the first `keep` of them connected. */
  disconnect: { args: { group: string; keep?: number }; result: { closed: number } };
  /**
   * Agent sockets (one per agent) on the target; for the relay, agent i is "paired" by index.
   * `url` and `address` (source address) override init's strapiUrl and the default 127.0.0.1.
   */
  connectAgents: { args: { target: Target; count: number; url?: string; address?: string }; result: { connected: number; seconds: number } };
  disconnectAgents: { args: Record<string, never>; result: null };
  /** conversation:start for each visitor of the group, then assigned round-robin to the agents. */
  startConversations: {
    args: { group: string; target: Target; agents: number; concurrency: number };
    result: { started: number; assigned: number; seconds: number; errors: Record<string, number> };
  };
  runLoad: { args: LoadArgs; result: LoadResult };
  exit: { args: Record<string, never>; result: null };
}

export type CommandName = keyof Commands;

export interface LoadArgs {
  group: string;
  /** Paced: open loop at an aggregate rate. Closed: each visitor sends again on its ack, at most every minIntervalMs. */
  mode: 'paced' | 'closed';
  rate?: number;
  minIntervalMs?: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  /** Tells the server when the measured window opens and closes (a `window` event). */
  label: string;
}

export interface LoadResult {
  visitors: number;
  /** Messages emitted inside the measured window. */
  sent: number;
  /** Acks with ok: true received inside the window, per second: the achieved (stored) rate. */
  ackedPerSecond: number;
  sentPerSecond: number;
  ackedInWindow: number;
  /** Of the messages emitted in the window: acked ok, refused (by code), never acked, delivered to the agent. */
  acked: number;
  refused: Record<string, number>;
  unacked: number;
  delivered: number;
  undelivered: number;
  ack: LatencySummary;
  delivery: LatencySummary;
  /** How far the paced schedule fell behind (client-side lag), ms. */
  scheduleLagMaxMs: number;
  /** Acks with ok: true over the whole load (warm-up, window and drain), to compare with the rows stored. */
  ackedTotal: number;
  clientCpuPercent: number;
  clientLoopLag: { p50: number; p99: number };
}

export type ChildMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'window'; label: string; phase: 'start' | 'end' }
  | { kind: 'log'; message: string };

export interface ParentMessage {
  id: number;
  command: CommandName;
  args: unknown;
}
