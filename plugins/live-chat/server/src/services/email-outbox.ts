import type { Core } from '@strapi/strapi';
import { isLastAttempt, retryDelayMs } from '../../../shared/domain/email';
import { pluginConfig } from '../plugin-config';
import { createEmailOutboxRepository, type OutboxRow } from '../repositories/email-outbox';

/** Rows one sweep handles per step; the next tick takes the rest. */
const BATCH = 20;
/** How long a claim holds a row: a send that takes longer is taken as interrupted. */
const LEASE_MS = 2 * 60 * 1000;

/** The part of Strapi's email service the outbox uses (any provider the app configured). */
interface EmailService {
  send(options: { to: string; from?: string; subject: string; text: string; html: string }): Promise<unknown>;
}

/**
 * G8: the outbox worker. Emails are stored first (services/emails.ts) and sent here, off the
 * request path, by every process on the sweeper's timer: each row is claimed by a conditional
 * update, so two processes never send the same email; a provider error schedules another attempt
 * with backoff; a row left `sending` by a process that stopped mid-send is marked failed, never
 * resent (at most once).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = createEmailOutboxRepository(strapi);
  const emails = () => strapi.plugin('live-chat').service('emails');
  const provider = (): EmailService => strapi.plugin('email').service('email') as unknown as EmailService;
  let queue: Promise<unknown> = Promise.resolve();

  async function send(row: OutboxRow, now: Date): Promise<boolean> {
    if (!row.recipientEmail || row.subject === null || row.textBody === null || row.htmlBody === null) {
      await outbox.markFailed(row.id, 'nothing to send');
      return false;
    }
    const { fromAddress } = await strapi.plugin('live-chat').service('email-settings').get();
    try {
      await provider().send({
        to: row.recipientEmail,
        ...(fromAddress ? { from: fromAddress } : {}),
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isLastAttempt(row.attempts)) await outbox.markFailed(row.id, reason);
      else await outbox.markRetry(row.id, new Date(now.getTime() + retryDelayMs(row.attempts, pluginConfig(strapi).emailRetryBaseMs)), reason);
      strapi.log.warn(`[live-chat] email ${row.idempotencyKey} not sent (attempt ${row.attempts}): ${reason}`);
      return false;
    }
    await outbox.markSent(row.id, new Date());
    return true;
  }

  async function sweepOnce(now: Date): Promise<number> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    for (const row of await outbox.findAbandoned(now, BATCH)) {
      // A follow-up check holds no message yet: drop it; a claimed email may have gone out: never resend it.
      if (row.upToSeq === null && row.kind === 'followup') await outbox.remove(row.id, 'sending');
      else await outbox.markFailed(row.id, 'interrupted while sending; not retried (at most once)');
    }
    for (const id of await outbox.dueIds('waiting', 'followup', now, BATCH)) {
      if (await outbox.claim(id, 'waiting', now, leaseUntil)) await emails().runFollowUpCheck(id, now);
    }
    let sent = 0;
    for (const id of await outbox.dueIds('pending', null, now, BATCH)) {
      if (!(await outbox.claim(id, 'pending', now, leaseUntil))) continue;
      const row = await outbox.findById(id);
      if (row && (await send(row, now))) sent += 1;
    }
    return sent;
  }

  return {
    /** Runs due follow-up checks and sends due emails; returns how many this call sent. */
    sweep(now: Date = new Date()): Promise<number> {
      // One sweep at a time per process, queued; a failed sweep does not block the ones after it.
      const run = queue.then(() => sweepOnce(now));
      queue = run.catch(() => undefined);
      return run;
    },
  };
};
