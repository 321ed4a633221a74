/**
 * G7: round-robin auto-assignment with per-agent capacity. Pure: the caller reads the candidates
 * (online agents allowed to take chats), their open chats and turns inside a transaction that
 * holds their status rows locked, asks this rule, and writes the result in the same transaction.
 */

export const AGENT_CAPACITY = { min: 1, max: 100, default: 5 } as const;

/** One agent who might receive the chat. */
export interface AssignmentCandidate {
  agentId: number;
  /** Assigned, not closed conversations they hold now. */
  openChats: number;
  /** Most open chats they take automatically. */
  capacity: number;
  /**
   * The rotation pointer, per agent: the turn number of their last automatic chat (0 if never).
   * The next chat goes to the lowest turn, so the order survives restarts and is shared by every
   * process, and an agent who comes online joins the rotation at its front once.
   */
  lastTurn: number;
}

/** Whether an agent can take one more chat automatically. */
export const hasCapacity = (candidate: AssignmentCandidate): boolean => candidate.openChats < candidate.capacity;

/**
 * The agent who gets the next chat: of those below capacity, the one whose turn came longest ago
 * (ties by lowest id, so the order is total and the same on every process); null when all are full.
 */
export function pickNextAgent(candidates: readonly AssignmentCandidate[]): AssignmentCandidate | null {
  let best: AssignmentCandidate | null = null;
  for (const candidate of candidates) {
    if (!hasCapacity(candidate)) continue;
    if (best === null || candidate.lastTurn < best.lastTurn || (candidate.lastTurn === best.lastTurn && candidate.agentId < best.agentId)) {
      best = candidate;
    }
  }
  return best;
}

/** The turn number the chosen agent records: one past the highest turn anyone holds. */
export const nextTurn = (turns: readonly number[]): number => turns.reduce((max, turn) => Math.max(max, turn), 0) + 1;
