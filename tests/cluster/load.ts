import type { Client } from 'pg';
import type { ChatClient } from './chat-clients';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each client sends one message every `everyMs[i]` (closed loop: never two waiting for acks). */
export function startLoad(clients: ChatClient[], everyMs: (client: ChatClient) => number): () => void {
  const timers = clients.map((client) => setInterval(() => void client.sendOne(), everyMs(client)));
  return () => timers.forEach(clearInterval);
}

/** After the load: every client connected again and every written message acked (retried as needed). */
export async function settleOutboxes(clients: ChatClient[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((client) => client.unacked() > 0 || !client.socket.connected)) {
    if (Date.now() > deadline) {
      const stuck = clients.filter((client) => client.unacked() > 0 || !client.socket.connected).map((client) => client.name);
      throw new Error(`clients still disconnected or with unacked messages: ${stuck.join(', ')}`);
    }
    for (const client of clients) if (client.unacked() > 0) void client.sendOne();
    await pause(200);
  }
}

/**
 * The acceptance checks (F3, E2): every acked message is stored with the seq its ack named, no
 * timeline has a seq gap or a message twice, and every client's view (what live events and its
 * catch-ups gave it, with no extra sync) equals the stored timeline as that client may see it.
 */
export async function expectNothingLost(clients: ChatClient[], pg: Client) {
  const rows = await pg.query<{ document_id: string; seq: number; client_id: string | null }>(
    `SELECT c.document_id, m.seq, m.client_id FROM live_chat_messages m JOIN live_chat_conversations c ON c.id = m.conversation_id ORDER BY c.document_id, m.seq`,
  );
  const stored = new Map<string, number>();
  const seqs = new Map<string, number[]>();
  for (const row of rows.rows) {
    if (row.client_id) stored.set(row.client_id, row.seq);
    seqs.set(row.document_id, [...(seqs.get(row.document_id) ?? []), row.seq]);
  }
  const lost: string[] = [];
  for (const client of clients) for (const [clientId, seq] of client.acked) if (stored.get(clientId) !== seq) lost.push(clientId);
  expect(lost).toEqual([]);
  for (const [documentId, list] of seqs) {
    const gapless = list.every((seq, i) => seq === i + 1);
    expect({ documentId, gapless }).toEqual({ documentId, gapless: true });
  }
  const duplicates = await pg.query(`SELECT conversation_id, client_id FROM live_chat_messages WHERE client_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`);
  expect(duplicates.rows).toEqual([]);

  for (const client of clients) {
    const reference = await client.stored();
    const view = client.view();
    for (const [documentId, entries] of reference) {
      const expected = entries.map((entry) => `${entry.seq}:${entry.clientId}`);
      const seen = (view.get(documentId) ?? []).map((entry) => `${entry.seq}:${entry.clientId}`);
      expect({ client: client.name, documentId, seen }).toEqual({ client: client.name, documentId, seen: expected });
    }
  }
}

/**
 * For one disruption at `at`: the clients it disconnected (a disconnect within `windowMs` after it)
 * and, for each, how long after `at` it was connected again (Infinity if never).
 */
export function recoveryTimes(clients: ChatClient[], at: number, windowMs: number): Array<{ client: string; backAfterMs: number }> {
  const affected: Array<{ client: string; backAfterMs: number }> = [];
  for (const client of clients) {
    const dropped = client.disconnects.find((time) => time >= at && time <= at + windowMs);
    if (dropped === undefined) continue;
    const back = client.connects.find((time) => time >= dropped);
    affected.push({ client: client.name, backAfterMs: back === undefined ? Infinity : back - at });
  }
  return affected;
}

export { pause };
