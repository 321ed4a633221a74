import { toDbDatetime } from '../../plugins/live-chat/server/src/repositories/sql';
import { uid } from '../../plugins/live-chat/shared/constants';
import type { PersonalDataService } from '../../plugins/live-chat/server/src/services/personal-data';
import type { RetentionService } from '../../plugins/live-chat/server/src/services/retention';
import { bearer, createAdmin, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { findInDatabase } from '../harness/personal-data';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G9: "erase closed conversations older than N days": the setting (off by default, validated), its
 * dry-run count, and the sweep's batches, each conversation erased once even when two sweepers
 * race for it (the claim on `erased_at` every process's sweeper uses, F3).
 */
let app: TestApp;
let dpo: TestAdmin;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();

beforeAll(async () => {
  app = await bootStrapi();
  dpo = await createAdmin(app, ['useInbox', 'seeAllConversations', 'managePersonalData'], 'Dana');
  // The sweeps run here by hand, at a time the test chooses; the timer would race them.
  await app.strapi.plugin('live-chat').service('sweeper').stop();
});
afterAll(async () => {
  await app.stop();
});

const retention = (): RetentionService => app.strapi.plugin('live-chat').service('retention');
const personalData = (): PersonalDataService => app.strapi.plugin('live-chat').service('personal-data');
const put = (body: unknown) => app.http().put('/live-chat/settings/retention').set(bearer(dpo.token)).send(body as object);
const preview = (query = '') => app.http().get(`/live-chat/settings/retention/preview${query}`).set(bearer(dpo.token));

/** A conversation closed `daysAgo` days before NOW, whose visitor wrote `text`. */
async function closedConversation(daysAgo: number, text: string) {
  const started = await startConversation(app, { name: 'Returning visitor' });
  await app.strapi.plugin('live-chat').service('messages').sendAsVisitor({ id: started.visitorId, name: null }, { clientId: `visitor-message-${started.id}`, body: text });
  // Written as the plugin's close writes it (repositories/sql.ts toDbDatetime), not as the query engine would.
  await app.strapi.db
    .connection('live_chat_conversations')
    .where({ id: started.id })
    .update({ status: 'closed', closed_at: toDbDatetime(app.strapi, new Date(NOW.getTime() - daysAgo * DAY)), person_name: `Person ${text}` });
  return started;
}

const erasedAt = async (id: number) => (await app.strapi.db.query(uid('conversation')).findOne({ where: { id } })).erasedAt;

describe('G9 retention setting', () => {
  it('is off by default and erases nothing then', async () => {
    const response = await app.http().get('/live-chat/settings/retention').set(bearer(dpo.token));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ enabled: false, days: 365 });
    const old = await closedConversation(4000, 'offdefaultzq');
    expect(await retention().sweep(NOW, { force: true })).toBe(0);
    expect(await erasedAt(old.id)).toBeNull();
    expect((await preview()).body.data).toEqual({ due: 0, cutoff: null });
  });

  it('refuses bad values with field errors in Strapi error shape', async () => {
    for (const body of [{ enabled: true, days: 0 }, { enabled: true, days: 1.5 }, { enabled: 'yes', days: 30 }, { enabled: true }, { enabled: true, days: 30, extra: 1 }]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', details: { errors: expect.any(Array) } } });
    }
    expect((await preview('?days=abc')).status).toBe(400);
    expect((await app.http().get('/live-chat/settings/retention').set(bearer(dpo.token))).body.data.enabled).toBe(false);
  });
});

describe('G9 retention sweep', () => {
  it('shows a dry-run count, then erases due conversations in batches, oldest first, and logs each run', async () => {
    const due = [await closedConversation(90, 'oldestqq'), await closedConversation(60, 'olderqq'), await closedConversation(45, 'oldqq')];
    const recent = await closedConversation(10, 'recentqq');
    const open = await startConversation(app, { name: 'Open visitor' });
    await app.strapi.db.query(uid('conversation')).update({ where: { id: open.id }, data: { createdAt: new Date(NOW.getTime() - 400 * DAY) } });

    const saved = await put({ enabled: true, days: 30 });
    expect(saved.body.data).toEqual({ enabled: true, days: 30 });
    // The dry run counts the three due plus the one left over from the "off" test (4000 days).
    const dryRun = (await preview()).body.data;
    expect(dryRun.due).toBe(4);
    expect(Math.abs(Date.parse(dryRun.cutoff) - (Date.now() - 30 * DAY))).toBeLessThan(60_000);
    expect((await preview('?days=5')).body.data.due).toBe(5);
    expect((await preview('?days=3650')).body.data.due).toBe(1);
    expect((await preview('?days=3651')).status).toBe(400);

    // Batches of two: the oldest two first (4000 and 90 days), then 60 and 45, then nothing.
    expect(await retention().sweep(NOW, { force: true, batch: 2 })).toBe(2);
    expect(await erasedAt(due[0].id)).not.toBeNull();
    expect(await erasedAt(due[1].id)).toBeNull();
    expect(await retention().sweep(NOW, { force: true, batch: 2 })).toBe(2);
    expect(await retention().sweep(NOW, { force: true, batch: 2 })).toBe(0);
    for (const { id } of due) expect(await erasedAt(id)).not.toBeNull();
    expect(await erasedAt(recent.id)).toBeNull();
    expect(await erasedAt(open.id)).toBeNull();
    expect((await preview()).body.data.due).toBe(0);

    // The erased chats hold none of their texts; the recent one keeps its own.
    const found = await findInDatabase(app, ['oldestqq', 'olderqq', 'oldqq', 'recentqq']);
    expect([...new Set(found.map((finding) => finding.needle))]).toEqual(['recentqq']);
    const row = await app.strapi.db.query(uid('conversation')).findOne({ where: { id: due[0].id } });
    expect(row).toMatchObject({ status: 'closed', personName: null, lastMessagePreview: null });

    const log = await app.http().get('/live-chat/personal-data/erasures').set(bearer(dpo.token));
    expect(log.body.data.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: { kind: 'retention', id: null, name: null }, subjectKind: 'retention', counts: expect.objectContaining({ conversations: 2 }) }),
      expect.objectContaining({ actor: { kind: 'retention', id: null, name: null }, subjectKind: 'retention', counts: expect.objectContaining({ conversations: 2 }) }),
    ]);
  });

  it('erases a conversation once when two sweepers claim it at the same time (F3)', async () => {
    const due = [await closedConversation(50, 'raceaqq'), await closedConversation(50, 'racebqq'), await closedConversation(50, 'racecqq')];
    const ids = due.map(({ id }) => id);
    // What each process's sweeper does with the batch it found: both found the same three.
    const [first, second] = await Promise.all([personalData().eraseConversations(ids, NOW), personalData().eraseConversations(ids, NOW)]);
    expect(first.conversations + second.conversations).toBe(3);
    for (const id of ids) expect(await erasedAt(id)).not.toBeNull();
    expect(await findInDatabase(app, ['raceaqq', 'racebqq', 'racecqq'])).toEqual([]);
  });
});
