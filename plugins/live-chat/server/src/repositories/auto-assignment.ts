import type { Core } from '@strapi/strapi';
import { AGENT_CAPACITY, type AssignmentCandidate } from '../../../shared/domain/auto-assignment';
import { TABLES, table, type Transaction } from './sql';

type Row = Record<string, unknown>;

/** An agent's capacity setting and how many chats they hold now (the settings page, G7). */
export interface AgentLoad {
  agentId: number;
  /** null: the default capacity applies. */
  maxOpenChats: number | null;
  openChats: number;
}

/**
 * G7: the rows auto-assignment reads and writes. The candidates' status rows are locked (FOR
 * UPDATE, in agent id order so two transactions never deadlock) before their open chats are
 * counted: a second process assigning at the same moment waits, then counts the first one's chat.
 * SQLite has one writer at a time and a pool of one connection, so its transaction is the lock.
 */
export const createAutoAssignmentRepository = (strapi: Core.Strapi) => {
  const S = TABLES.agentStatuses;
  const C = TABLES.conversations;
  const isPostgres = strapi.db.dialect.client !== 'sqlite';

  async function openChatsOf(agentIds: number[], trx?: Transaction): Promise<Map<number, number>> {
    if (agentIds.length === 0) return new Map();
    const rows: Row[] = await table(strapi, C, trx)
      .select('assignee_id')
      .count({ open: '*' })
      .where('status', 'assigned')
      .whereIn('assignee_id', agentIds)
      .groupBy('assignee_id');
    return new Map(rows.map((row) => [Number(row.assignee_id), Number(row.open)]));
  }

  return {
    /** The online agents among `allowedAgentIds`, locked for this transaction, with their loads and turns. */
    async lockCandidates(trx: Transaction, allowedAgentIds: number[]): Promise<AssignmentCandidate[]> {
      if (allowedAgentIds.length === 0) return [];
      const query = table(strapi, S, trx)
        .select('agent_id', 'max_open_chats', 'auto_assign_turn')
        .where('availability', 'online')
        .whereIn('agent_id', allowedAgentIds)
        .orderBy('agent_id', 'asc');
      const rows: Row[] = await (isPostgres ? query.forUpdate() : query);
      const ids = rows.map((row) => Number(row.agent_id));
      const open = await openChatsOf(ids, trx);
      return rows.map((row) => ({
        agentId: Number(row.agent_id),
        openChats: open.get(Number(row.agent_id)) ?? 0,
        capacity: row.max_open_chats === null || row.max_open_chats === undefined ? AGENT_CAPACITY.default : Number(row.max_open_chats),
        lastTurn: Number(row.auto_assign_turn ?? 0),
      }));
    },

    /** The highest turn anyone holds (the rotation's global position). */
    async highestTurn(trx: Transaction): Promise<number> {
      const row: Row | undefined = await table(strapi, S, trx).max({ turn: 'auto_assign_turn' }).first();
      return Number(row?.turn ?? 0);
    },

    /** Moves the agent's pointer to `turn`: they go to the back of the rotation. */
    async recordTurn(trx: Transaction, agentId: number, turn: number): Promise<void> {
      await table(strapi, S, trx).where('agent_id', agentId).update({ auto_assign_turn: turn });
    },

    /** Capacity settings and current open chats of these agents (no row for an agent means defaults). */
    async loadsOf(agentIds: number[]): Promise<AgentLoad[]> {
      const rows: Row[] = agentIds.length ? await table(strapi, S).select('agent_id', 'max_open_chats').whereIn('agent_id', agentIds) : [];
      const max = new Map(rows.map((row) => [Number(row.agent_id), row.max_open_chats == null ? null : Number(row.max_open_chats)]));
      const open = await openChatsOf(agentIds);
      return agentIds.map((agentId) => ({ agentId, maxOpenChats: max.get(agentId) ?? null, openChats: open.get(agentId) ?? 0 }));
    },
  };
};
