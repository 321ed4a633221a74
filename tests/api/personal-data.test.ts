import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { uid, PERSON_ERASED_WEBHOOK } from '../../plugins/live-chat/shared/constants';
import type { DomainEvent } from '../../plugins/live-chat/server/src/services/event-bus';
import { bearer, createAdmin, createApiToken, type TestAdmin } from '../harness/admin';
import { ownPublicFolder, removeAllMedia, visitorInConversation } from '../harness/attachments';
import { binary, findInDatabase, findOnDisk, readArchive } from '../harness/personal-data';
import { connect, listen, request } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F5: a person's data exported (JSON + HTML transcript + files, one zip) and erased, through the
 * admin API and the content API, with permissions (403, B6) and bad input in Strapi's error shape.
 * Completeness: after an erasure, every column of every plugin table, the upload plugin's files
 * table and the upload folder are searched for the person's name, email, phone and message texts.
 */
let app: TestApp;
let publicFolder: Awaited<ReturnType<typeof ownPublicFolder>>;
let dpo: TestAdmin;
let gdprAgent: TestAdmin;
let agent: TestAdmin;
const webhooks: Array<Record<string, unknown>> = [];
const busEvents: DomainEvent[] = [];

/** Words no other data holds, so a find is this person's data and nothing else. */
const word = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  publicFolder = await ownPublicFolder();
  app = await bootStrapi({ env: { PUBLIC_DIR: publicFolder.dir } });
  dpo = await createAdmin(app, ['useInbox', 'seeAllConversations', 'managePersonalData'], 'Dana');
  gdprAgent = await createAdmin(app, ['useInbox', 'managePersonalData'], 'Gus');
  agent = await createAdmin(app, ['useInbox'], 'Ada');
  app.strapi.eventHub.on(PERSON_ERASED_WEBHOOK, async (payload: Record<string, unknown>) => {
    webhooks.push(payload);
  });
  app.strapi.plugin('live-chat').service('event-bus').subscribe((event: DomainEvent) => {
    busEvents.push(event);
  });
});
afterAll(async () => {
  await removeAllMedia(app);
  await app.stop();
  await publicFolder.remove();
});

const service = (name: string) => app.strapi.plugin('live-chat').service(name);
const adminGet = (admin: TestAdmin, url: string) => app.http().get(url).set(bearer(admin.token));
const exportZip = (admin: TestAdmin, kind: string, documentId: string) =>
  adminGet(admin, `/live-chat/personal-data/${kind}/${documentId}/export`).buffer(true).parse(binary);
const erase = (admin: TestAdmin, kind: string, documentId: string, body: unknown) =>
  app.http().post(`/live-chat/personal-data/${kind}/${documentId}/erase`).set(bearer(admin.token)).send(body as object);

/** A person with everything the plugin can hold about them, in one chat with Dana, now closed. */
async function seedPerson() {
  const first = word('Zelda');
  const last = word('Qwx');
  const person = {
    name: `${first} ${last}`,
    first,
    last,
    email: `${word('mail')}@erase-me.test`,
    // A Swedish mobile number of its own (the side panel checks and normalizes it).
    phone: `+46 70 ${String(100 + (randomBytes(2).readUInt16BE() % 900))} ${String(randomBytes(2).readUInt16BE() % 100).padStart(2, '0')} ${String(randomBytes(2).readUInt16BE() % 100).padStart(2, '0')}`,
    visitorText: `${word('vtext')} please call me back`,
    replyText: `${word('reply')} sure thing`,
    noteText: `${word('note')} prefers mornings`,
    xssText: `<script>alert("${word('xss')}")</script>`,
    fileText: `${word('filecontent')} invoice lines`,
    fileName: `${word('cvfile')}.txt`,
    ratingComment: `${word('rate')} was great`,
    activityNote: `Call ${first} ${last} back`,
  };
  const visitor = await visitorInConversation(app);
  await service('visitors').identify(visitor.visitorId, { name: person.name, email: person.email });
  const named = { id: visitor.visitorId, name: person.name };
  await service('messages').sendAsVisitor(named, { clientId: word('c'), body: person.visitorText });
  await service('messages').sendAsVisitor(named, { clientId: word('c'), body: person.xssText });
  const upload = await app
    .http()
    .post('/live-chat/widget/attachments')
    .set(bearer(visitor.token))
    .field('clientId', word('f'))
    .attach('files', Buffer.from(person.fileText), { filename: person.fileName, contentType: 'text/plain' });
  expect(upload.status).toBe(201);

  const doc = visitor.documentId;
  const http = (method: 'post' | 'put', url: string, body: object) => app.http()[method](url).set(bearer(dpo.token)).send(body);
  expect((await http('post', `/live-chat/conversations/${doc}/assign`, {})).status).toBe(200);
  expect((await http('post', `/live-chat/conversations/${doc}/messages`, { clientId: word('a'), body: person.replyText })).status).toBe(201);
  expect((await http('post', `/live-chat/conversations/${doc}/messages`, { clientId: word('n'), body: person.noteText, audience: 'agents' })).status).toBe(201);
  const panel = await http('put', `/live-chat/conversations/${doc}/side-panel`, {
    personName: person.name,
    personEmail: person.email,
    personPhone: person.phone,
    organizationName: 'Acme Testing AB',
    notes: `Met ${person.name} at the fair`,
  });
  expect(panel.status).toBe(200);
  const storedPhone: string = panel.body.data.sidePanel.personPhone;
  // G8: the visitor asks for the transcript by email: the outbox holds their address and the chat's text.
  const transcript = await app.http().post('/live-chat/widget/transcript').set(bearer(visitor.token)).send({ requested: true });
  expect(transcript.status).toBe(200);
  const lead = await http('post', `/live-chat/conversations/${doc}/leads`, { title: `Lead for ${person.name}` });
  expect(lead.status).toBe(201);
  expect((await http('post', `/live-chat/conversations/${doc}/deals`, { title: 'Big order' })).status).toBe(201);
  expect((await http('post', `/live-chat/conversations/${doc}/close`, {})).status).toBe(200);

  // G6: the visitor rates the closed chat over their socket, as the widget does (the comment is in the timeline too).
  const socket = await connect(await listen(app), 'visitor', visitor.token);
  expect(await request(socket, 'rating:submit', { score: 4, comment: person.ratingComment })).toMatchObject({ ok: true });
  socket.disconnect();
  const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: doc }, populate: ['person'] });
  expect(conversation.ratingComment).toBe(person.ratingComment);
  const personRow = await app.strapi.db.query(uid('person')).findOne({ where: { id: conversation.person.id } });
  await app.strapi.db.query(uid('activity')).create({
    data: { subject: `Follow up ${person.name}`, note: person.activityNote, type: 'call', person: personRow.id, conversation: conversation.id },
  });
  return { person, visitor, conversation, personRow, storedPhone };
}

/** Everything that identifies the seeded person, as the completeness scan looks for it. */
const needlesOf = (seeded: Awaited<ReturnType<typeof seedPerson>>) => {
  const { person } = seeded;
  return [
    person.first,
    person.last,
    person.email,
    seeded.storedPhone,
    seeded.storedPhone.replace(/\D/g, '').slice(2),
    person.visitorText.split(' ')[0],
    person.replyText.split(' ')[0],
    person.noteText.split(' ')[0],
    person.xssText.match(/xss[0-9a-f]+/)![0],
    person.fileText.split(' ')[0],
    person.fileName.replace('.txt', ''),
    person.ratingComment.split(' ')[0],
  ];
};

describe('F5 export: one archive with the JSON, the transcript and the files', () => {
  let seeded: Awaited<ReturnType<typeof seedPerson>>;
  beforeAll(async () => {
    seeded = await seedPerson();
  });

  it('exports every record of the person, notes included and flagged internal, and their files', async () => {
    const response = await exportZip(dpo, 'conversation', seeded.visitor.documentId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="personal-data-person-[a-z0-9]+\.zip"$/);
    const entries = await readArchive(response.body);
    const json = JSON.parse(entries.get('personal-data.json')!.toString('utf8'));
    const { person } = seeded;

    expect(json).toMatchObject({ format: 'strapi-plugin-live-chat/personal-data', version: 1, subject: { kind: 'conversation' } });
    expect(json.persons).toEqual([expect.objectContaining({ name: person.name, email: person.email, organization: expect.objectContaining({ name: 'Acme Testing AB' }) })]);
    expect(json.visitors).toEqual([expect.objectContaining({ name: person.name, email: person.email })]);
    expect(JSON.stringify(json.visitors)).not.toMatch(/"subject"|"flow"/);
    expect(json.conversations).toHaveLength(1);
    const [conversation] = json.conversations;
    expect(conversation).toMatchObject({
      status: 'closed',
      assignee: 'Dana Tester',
      sidePanel: expect.objectContaining({ personName: person.name, personEmail: person.email }),
      rating: { rating: 4, comment: person.ratingComment },
    });
    const bodies = conversation.timeline.map((entry: { body: string | null }) => entry.body);
    expect(bodies).toEqual(expect.arrayContaining([person.visitorText, person.replyText, person.noteText, person.xssText]));
    expect(conversation.timeline.find((entry: { body: string }) => entry.body === person.noteText)).toMatchObject({ internal: true, audience: 'agents' });
    expect(conversation.timeline.find((entry: { body: string }) => entry.body === person.replyText)).toMatchObject({ internal: false });
    expect(conversation.timeline.map((entry: { event: { type: string } | null }) => entry.event?.type)).toEqual(
      expect.arrayContaining(['agent_joined', 'lead_created', 'deal_created', 'closed']),
    );
    expect(json.leads).toEqual([expect.objectContaining({ title: `Lead for ${person.name}`, person: expect.objectContaining({ name: person.name }) })]);
    expect(json.deals).toEqual([expect.objectContaining({ title: 'Big order' })]);
    expect(json.activities).toEqual([expect.objectContaining({ note: person.activityNote })]);

    const fileEntry = conversation.timeline.find((entry: { kind: string }) => entry.kind === 'file');
    expect(fileEntry.file).toMatch(/^files\/[a-z0-9]+\/\d+-.+\.txt$/);
    expect(entries.get(fileEntry.file)!.toString('utf8')).toBe(person.fileText);
  });

  it('renders a transcript with every text escaped and markup through the allow-list', async () => {
    const entries = await readArchive((await exportZip(dpo, 'person', seeded.personRow.documentId)).body);
    const html = entries.get('transcript.html')!.toString('utf8');
    expect(html).toContain(seeded.person.visitorText);
    expect(html).toContain(seeded.person.noteText);
    expect(html).toContain('internal note');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('answers the same export to an API token granted the content API permission, and 403 without it', async () => {
    const full = await createApiToken(app, 'full-access');
    const url = `/api/live-chat/personal-data/person/${seeded.personRow.documentId}/export`;
    const ok = await app.http().get(url).set(bearer(full)).buffer(true).parse(binary);
    expect(ok.status).toBe(200);
    expect((await readArchive(ok.body)).has('personal-data.json')).toBe(true);

    const exportOnly = await app.strapi.service('admin::api-token').create({
      name: `gdpr-export-${word('t')}`,
      type: 'custom',
      lifespan: null,
      description: '',
      permissions: ['plugin::live-chat.personal-data-api.export'],
    });
    expect((await app.http().get(url).set(bearer(exportOnly.accessKey)).buffer(true).parse(binary)).status).toBe(200);
    const refused = await app
      .http()
      .post(`/api/live-chat/personal-data/person/${seeded.personRow.documentId}/erase`)
      .set(bearer(exportOnly.accessKey))
      .send({ data: { confirm: 'ERASE' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    const readOnly = await createApiToken(app, 'read-only');
    expect((await app.http().get(url).set(bearer(readOnly))).status).toBe(403);
  });
});

describe('F5 permissions and bad input', () => {
  let seeded: Awaited<ReturnType<typeof seedPerson>>;
  beforeAll(async () => {
    seeded = await seedPerson();
  });

  it('answers 403 to an admin without "Export and erase personal data", on every route', async () => {
    const doc = seeded.personRow.documentId;
    for (const response of [
      await adminGet(agent, `/live-chat/personal-data/person/${doc}`),
      await adminGet(agent, `/live-chat/personal-data/person/${doc}/export`),
      await erase(agent, 'person', doc, { confirm: 'ERASE' }),
      await adminGet(agent, '/live-chat/personal-data/erasures'),
      await adminGet(agent, '/live-chat/settings/retention'),
      await app.http().put('/live-chat/settings/retention').set(bearer(agent.token)).send({ enabled: true, days: 30 }),
      await adminGet(agent, '/live-chat/settings/retention/preview'),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ data: null, error: { status: 403 } });
    }
    expect(await app.strapi.db.query(uid('person')).count({ where: { id: seeded.personRow.id } })).toBe(1);
  });

  it('B6: without "See all conversations", only a person whose every chat the admin may see', async () => {
    // The chat is closed, so every agent may see it (B6): the export is allowed.
    expect((await exportZip(gdprAgent, 'person', seeded.personRow.documentId)).status).toBe(200);
    // A second chat of the same person, now assigned to Dana, is private to her.
    const again = await visitorInConversation(app);
    await app.strapi.db.query(uid('conversation')).update({ where: { id: again.id }, data: { person: seeded.personRow.id } });
    expect((await app.http().post(`/live-chat/conversations/${again.documentId}/assign`).set(bearer(dpo.token)).send({})).status).toBe(200);

    const refused = await exportZip(gdprAgent, 'person', seeded.personRow.documentId);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    expect((await erase(gdprAgent, 'person', seeded.personRow.documentId, { confirm: 'ERASE' })).status).toBe(403);
    // Addressed by the private chat itself: 404, as everywhere else, so ids cannot be probed.
    expect((await adminGet(gdprAgent, `/live-chat/personal-data/conversation/${again.documentId}`)).status).toBe(404);
    // Dana sees all: the person's summary covers both chats.
    const summary = await adminGet(dpo, `/live-chat/personal-data/conversation/${again.documentId}`);
    expect(summary.status).toBe(200);
    expect(summary.body.data).toEqual({ kind: 'person', documentId: seeded.personRow.documentId, name: seeded.person.name, conversations: 2 });
  });

  it('answers bad input with 4xx in Strapi error shape, and erases nothing', async () => {
    const doc = seeded.personRow.documentId;
    const cases: Array<[Promise<{ status: number; body: unknown }>, number, string]> = [
      [adminGet(dpo, '/live-chat/personal-data/person/zz0nosuchperson0000000000/export'), 404, 'NotFoundError'],
      [adminGet(dpo, '/live-chat/personal-data/visitor/zz0nosuchvisitor000000000'), 404, 'NotFoundError'],
      [adminGet(dpo, '/live-chat/personal-data/person/NOT-AN-ID!/export'), 400, 'ValidationError'],
      [adminGet(dpo, `/live-chat/personal-data/robot/${doc}/export`), 400, 'ValidationError'],
      [erase(dpo, 'person', doc, {}), 400, 'ValidationError'],
      [erase(dpo, 'person', doc, { confirm: '' }), 400, 'ValidationError'],
      [erase(dpo, 'person', doc, { confirm: 'someone else' }), 400, 'ValidationError'],
      [erase(dpo, 'person', doc, { confirm: 'ERASE', extra: true }), 400, 'ValidationError'],
      [erase(dpo, 'person', 'zz0nosuchperson0000000000', { confirm: 'ERASE' }), 404, 'NotFoundError'],
      [adminGet(dpo, '/live-chat/personal-data/erasures?page=0'), 400, 'ValidationError'],
    ];
    for (const [pending, status, name] of cases) {
      const response = await pending;
      const body = Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString('utf8')) : response.body;
      expect({ status: response.status, body }).toMatchObject({ status, body: { data: null, error: { status, name } } });
    }
    const missing = await erase(dpo, 'person', doc, {});
    expect(missing.body.error.details.errors).toEqual([expect.objectContaining({ path: ['confirm'] })]);
    const api = await createApiToken(app, 'full-access');
    const apiMissing = await app.http().post(`/api/live-chat/personal-data/person/${doc}/erase`).set(bearer(api)).send({ data: {} });
    expect(apiMissing.status).toBe(400);
    expect(apiMissing.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(await app.strapi.db.query(uid('person')).count({ where: { id: seeded.personRow.id } })).toBe(1);
  });
});

describe('F5 erasure: nothing identifying remains', () => {
  it.each(['admin', 'content-api'] as const)('erases every trace of the person (through the %s), keeping the counts analytics need', async (door) => {
    const seeded = await seedPerson();
    const needles = needlesOf(seeded);
    // The seeded data is really there to be found, so an empty result below means erased.
    const before = new Set((await findInDatabase(app, needles)).map((finding) => finding.needle));
    // (The file's content is on disk only.)
    expect(needles.filter((needle) => !before.has(needle))).toEqual([seeded.person.fileText.split(' ')[0]]);
    expect((await findOnDisk(path.join(publicFolder.dir, 'uploads'), [seeded.person.fileText.split(' ')[0]])).length).toBe(1);
    webhooks.length = 0;
    busEvents.length = 0;

    const response =
      door === 'admin'
        ? await erase(dpo, 'person', seeded.personRow.documentId, { confirm: `  ${seeded.person.name.toUpperCase()} ` })
        : await app
            .http()
            .post(`/api/live-chat/personal-data/person/${seeded.personRow.documentId}/erase`)
            .set(bearer(await createApiToken(app, 'full-access')))
            .send({ data: { confirm: 'ERASE' } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      subject: { kind: 'person', documentId: seeded.personRow.documentId, name: null, conversations: 1 },
      counts: { conversations: 1, messages: expect.any(Number), files: 1, visitors: 1, persons: 1, leads: 1, deals: 1, activities: 1 },
    });

    expect(await findInDatabase(app, needles)).toEqual([]);
    expect(await findOnDisk(path.join(publicFolder.dir, 'uploads'), needles)).toEqual([]);
    if (app.strapi.db.dialect.client === 'sqlite') {
      for (const needle of [seeded.person.last, seeded.person.visitorText.split(' ')[0]]) {
        const messages = await app.strapi.db.connection.raw(`select rowid from live_chat_message_search where live_chat_message_search match ?`, [`"${needle}"`]);
        const names = await app.strapi.db.connection.raw(`select rowid from live_chat_conversation_search where live_chat_conversation_search match ?`, [`"${needle}"`]);
        expect([messages, names]).toEqual([[], []]);
      }
    }
    // Inbox search (G5) finds nothing by the erased name either.
    const search = await adminGet(dpo, `/live-chat/conversations?folder=closed&search=${seeded.person.last}`);
    expect(search.body.data).toEqual([]);

    // What analytics count stays: the conversation row, its times, status, assignee and rating.
    const conversation = await app.strapi.db.query(uid('conversation')).findOne({ where: { id: seeded.conversation.id } });
    expect(conversation).toMatchObject({ status: 'closed', rating: 4, ratingComment: null, personName: null, lastMessageSeq: seeded.conversation.lastMessageSeq });
    expect(conversation.closedAt).not.toBeNull();
    expect(conversation.erasedAt).not.toBeNull();
    const raw = await app.strapi.db.connection('live_chat_conversations').where({ id: seeded.conversation.id }).first('assignee_id');
    expect(Number(raw.assignee_id)).toBe(dpo.id);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: seeded.conversation.id } })).toBe(seeded.conversation.lastMessageSeq);
    const lead = await app.strapi.db.query(uid('lead')).findOne({ where: { conversation: seeded.conversation.id }, populate: ['person'] });
    expect(lead).toMatchObject({ title: 'Lead for [erased]', person: null });
    expect(await app.strapi.db.query(uid('deal')).count({ where: { conversation: seeded.conversation.id } })).toBe(1);

    // The visitor's stored token no longer finds them: their next visit starts fresh (E4).
    expect(await service('visitors').fromToken(seeded.visitor.token)).toBeNull();
    const fresh = await app.http().post('/live-chat/widget/session').send({ token: seeded.visitor.token });
    expect(fresh.status).toBe(200);
    expect(await service('visitors').fromToken(fresh.body.data.token)).toMatchObject({ name: null, email: null });
    expect((await service('visitors').fromToken(fresh.body.data.token)).id).not.toBe(seeded.visitor.visitorId);

    // Announced: the webhook (never the erased data) and a domain event open inboxes refresh on.
    await service('event-bus').drain();
    expect(webhooks).toEqual([{ subject: { kind: 'person', documentId: seeded.personRow.documentId }, counts: response.body.data.counts }]);
    expect(busEvents.filter((event) => event.type === 'conversation:erased').map((event) => event.conversation.id)).toEqual([seeded.conversation.id]);

    // The audit log: who and how much, never what.
    const log = await adminGet(dpo, '/live-chat/personal-data/erasures');
    expect(log.status).toBe(200);
    expect(log.body.data[0]).toMatchObject({
      actor: door === 'admin' ? { kind: 'admin', id: dpo.id, name: 'Dana Tester' } : { kind: 'api-token', id: null, name: null },
      subjectKind: 'person',
      counts: response.body.data.counts,
    });
    expect(log.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
    for (const needle of needles) expect(JSON.stringify(log.body).toLowerCase()).not.toContain(needle.toLowerCase());

    // The erased person is gone; their conversation's export now holds nothing of them.
    expect((await exportZip(dpo, 'person', seeded.personRow.documentId)).status).toBe(404);
    const after = await readArchive((await exportZip(dpo, 'conversation', seeded.visitor.documentId)).body);
    const text = [...after.values()].map((bytes) => bytes.toString('utf8')).join('\n').toLowerCase();
    for (const needle of needles) expect(text).not.toContain(needle.toLowerCase());
  });
});
