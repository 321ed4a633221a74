import { EMAIL_OUTBOX_TABLE } from '../../plugins/live-chat/server/src/migrations/email-outbox';
import { startSmtp, type TestSmtp } from '../harness/smtp';
import { settle } from '../harness/sockets';
import { startCluster, type Cluster } from './nodes';

/**
 * G8 on two processes (PostgreSQL): both run the outbox worker on a fast timer against the same
 * table; every queued email reaches the SMTP server exactly once, because each row is claimed by a
 * conditional update that only one process wins.
 */
jest.setTimeout(240_000);

const COUNT = 60;
let cluster: Cluster;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  cluster = await startCluster(2, 21_000 + (process.pid % 1000) * 4, { ...smtp.env, LIVE_CHAT_WAIT_TIME_SWEEP_MS: '100' });
});
afterAll(async () => {
  await cluster?.stop();
  await smtp?.stop();
});

it('sends each of 60 queued emails once while two processes sweep the outbox', async () => {
  const pg = await cluster.pg();
  try {
    // Queued in one statement, all due at once, so both workers race for every row.
    const values = Array.from({ length: COUNT }, (_, i) => i);
    await pg.query(
      `insert into ${EMAIL_OUTBOX_TABLE} (idempotency_key, kind, state, recipient_email, locale, subject, html_body, text_body, attempts, next_attempt_at, created_at)
       select 'scale:' || n, 'transcript', 'pending', 'scale-' || n || '@example.com', 'en', 'Scale ' || n, '<p>' || n || '</p>', n::text, 0, now(), now()
       from unnest($1::int[]) as n`,
      [values],
    );
    const deadline = Date.now() + 120_000;
    while (smtp.received.length < COUNT && Date.now() < deadline) await settle(200);
    await settle(2000);
    const recipients = smtp.received.map((mail) => mail.to[0]);
    expect(recipients).toHaveLength(COUNT);
    expect(new Set(recipients).size).toBe(COUNT);
    const states = await pg.query(`select state, count(*)::int as n from ${EMAIL_OUTBOX_TABLE} group by state`);
    expect(states.rows).toEqual([{ state: 'sent', n: COUNT }]);
    const attempts = await pg.query(`select max(attempts)::int as most from ${EMAIL_OUTBOX_TABLE}`);
    expect(attempts.rows[0].most).toBe(1);
  } finally {
    await pg.end();
  }
});
