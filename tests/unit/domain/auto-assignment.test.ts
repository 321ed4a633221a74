import { hasCapacity, nextTurn, pickNextAgent, type AssignmentCandidate } from '../../../plugins/live-chat/shared/domain/auto-assignment';

const agent = (agentId: number, lastTurn: number, openChats = 0, capacity = 5): AssignmentCandidate => ({ agentId, lastTurn, openChats, capacity });

describe('G7 Round-robin auto-assignment', () => {
  it('gives the chat to the agent whose turn came longest ago', () => {
    expect(pickNextAgent([agent(1, 7), agent(2, 5), agent(3, 6)])?.agentId).toBe(2);
  });

  it('breaks ties by agent id, so every process picks the same agent', () => {
    expect(pickNextAgent([agent(3, 0), agent(1, 0), agent(2, 0)])?.agentId).toBe(1);
  });

  it('skips agents at capacity', () => {
    expect(pickNextAgent([agent(1, 1, 5), agent(2, 2, 1)])?.agentId).toBe(2);
    expect(hasCapacity(agent(1, 0, 4, 5))).toBe(true);
    expect(hasCapacity(agent(1, 0, 5, 5))).toBe(false);
  });

  it('answers null when nobody has capacity, or nobody is a candidate', () => {
    expect(pickNextAgent([agent(1, 1, 5), agent(2, 2, 3, 3)])).toBeNull();
    expect(pickNextAgent([])).toBeNull();
  });

  it('rotates through the agents in order when each chat advances the pointer', () => {
    const team = [agent(1, 0), agent(2, 0), agent(3, 0)];
    const order: number[] = [];
    for (let chat = 0; chat < 7; chat += 1) {
      const chosen = pickNextAgent(team)!;
      order.push(chosen.agentId);
      chosen.lastTurn = nextTurn(team.map((member) => member.lastTurn));
      chosen.openChats += 1;
    }
    expect(order).toEqual([1, 2, 3, 1, 2, 3, 1]);
  });

  it('keeps the rotation when a full agent is skipped, and spreads within one of even', () => {
    const team = [agent(1, 0, 0, 2), agent(2, 0), agent(3, 0)];
    const order: number[] = [];
    for (let chat = 0; chat < 9; chat += 1) {
      const chosen = pickNextAgent(team);
      if (!chosen) break;
      order.push(chosen.agentId);
      chosen.lastTurn = nextTurn(team.map((member) => member.lastTurn));
      chosen.openChats += 1;
    }
    expect(order).toEqual([1, 2, 3, 1, 2, 3, 2, 3, 2]);
  });

  it('numbers the next turn one past the highest', () => {
    expect(nextTurn([])).toBe(1);
    expect(nextTurn([3, 9, 2])).toBe(10);
  });
});
