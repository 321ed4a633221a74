import type { Core } from '@strapi/strapi';
import { TABLES } from '../../plugins/live-chat/server/src/repositories/sql';
import { summarize, timeSamples, type Latency } from './measure';

export interface WhatIf {
  name: string;
  latency: Latency;
  /** The alternative returns the same counts as the plugin's statement did (else it proves nothing). */
  sameResult: boolean;
}

type Counts = Record<'unassigned' | 'mine' | 'assigned' | 'closed', number>;

/**
 * Not the plugin's code: the folder counts an agent who may not see all chats gets (B6), asked as
 * one count per folder instead of one aggregate over every visible row. Each count is then a range
 * of an index the schema already has (folder_idx for a status, assignee_idx for the agent's own),
 * so the database counts index entries instead of visiting ~46k table rows. Timed on the same data
 * to show what the aggregate costs, not as a patch.
 */
export async function countsPerFolder(strapi: Core.Strapi, agentId: number, expected: Counts, samples: number): Promise<WhatIf> {
  const table = TABLES.conversations;
  const run = async (): Promise<Counts> => {
    const result = await strapi.db.connection.raw(
      `select
         (select count(*) from ?? where status = 'unassigned') as unassigned,
         (select count(*) from ?? where status = 'assigned' and assignee_id = ?) as mine,
         (select count(*) from ?? where status = 'assigned' and assignee_id = ?) as assigned,
         (select count(*) from ?? where status = 'closed') as closed`,
      [table, table, agentId, table, agentId, table],
    );
    // better-sqlite3 answers rows, pg a result object.
    const row = (Array.isArray(result) ? result[0] : result.rows[0]) as Record<keyof Counts, unknown>;
    return { unassigned: Number(row.unassigned), mine: Number(row.mine), assigned: Number(row.assigned), closed: Number(row.closed) };
  };
  const counts = await run();
  const sameResult = (Object.keys(expected) as Array<keyof Counts>).every((key) => counts[key] === expected[key]);
  return {
    name: 'countFolders as one indexed count per folder (what-if)',
    latency: summarize(await timeSamples(run, samples, 5)),
    sameResult,
  };
}
