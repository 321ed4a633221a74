import http from 'node:http';
import sharp from 'sharp';
import { uid } from '../../plugins/live-chat/shared/constants';
import { bearer, createAdmin, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { mediaCount, messageRow, ownPublicFolder, removeAllMedia, samples, uploadFolder as uploadFolderOf, visitorInConversation } from '../harness/attachments';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G4: files both ways through Strapi's upload plugin: type from the bytes, size limit, who may send
 * where (E4, B6, B3, B8), E2's retry guarantee, how files are served, and their erasure (F5).
 * The limit is lowered to 64 KB here so "too large" needs no megabytes.
 */
const LIMIT = 64 * 1024;
let app: TestApp;
let ada: TestAdmin;
let bjorn: TestAdmin;
let superAdmin: TestAdmin;
let webhookPayloads: Array<Record<string, unknown>>;
let publicFolder: Awaited<ReturnType<typeof ownPublicFolder>>;
/** This app's uploaded files on disk: its own public folder, which no other test file writes to. */
const uploadFolder = () => uploadFolderOf(publicFolder.dir);

beforeAll(async () => {
  publicFolder = await ownPublicFolder();
  app = await bootStrapi({ env: { LIVE_CHAT_ATTACHMENT_MAX_BYTES: String(LIMIT), PUBLIC_DIR: publicFolder.dir } });
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  superAdmin = await createAdmin(app, 'super', 'Sam');
  webhookPayloads = [];
  app.strapi.eventHub.on('live-chat.message.created', async (payload: Record<string, unknown>) => {
    webhookPayloads.push(payload);
  });
});
afterAll(async () => {
  await removeAllMedia(app);
  await app.stop();
  await publicFolder.remove();
});

type Upload = { name: string; bytes: Buffer; contentType?: string };
const visitorUpload = (token: string | null, clientId: string | null, ...files: Upload[]) => {
  const request = app.http().post('/live-chat/widget/attachments');
  if (token) request.set(bearer(token));
  if (clientId !== null) request.field('clientId', clientId);
  for (const file of files) request.attach('files', file.bytes, { filename: file.name, contentType: file.contentType ?? 'application/octet-stream' });
  return request;
};
const agentUpload = (agent: TestAdmin, documentId: string, clientId: string, file: Upload) =>
  app
    .http()
    .post(`/live-chat/conversations/${documentId}/attachments`)
    .set(bearer(agent.token))
    .field('clientId', clientId)
    .attach('files', file.bytes, { filename: file.name, contentType: file.contentType ?? 'application/octet-stream' });
/** GET of a served file, with its bytes. */
const download = (url: string) => app.http().get(url).buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

/** Nothing of a refused upload may remain: no message, no Media Library row, no file on disk. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- supertest's body is untyped JSON
async function expectNothingStored(run: () => Promise<{ status: number; body: any }>, status: number) {
  const [media, disk, messages] = await Promise.all([mediaCount(app), uploadFolder(), app.strapi.db.query(uid('message')).count({ where: { kind: 'file' } })]);
  const response = await run();
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ data: null, error: { status } });
  expect(await mediaCount(app)).toBe(media);
  expect((await uploadFolder()).sort()).toEqual(disk.sort());
  expect(await app.strapi.db.query(uid('message')).count({ where: { kind: 'file' } })).toBe(messages);
  return response;
}

describe('G4 a visitor sends files into their own conversation', () => {
  it('stores an image through the upload plugin, with a thumbnail, as a timeline message everyone reads the same way', async () => {
    const visitor = await visitorInConversation(app);
    const bytes = await samples.photo();
    const response = await visitorUpload(visitor.token, 'photo-000001', { name: 'Holiday photo.png', bytes, contentType: 'text/html' });
    expect(response.status).toBe(201);
    const entry = response.body.data;
    expect(entry).toMatchObject({
      seq: 2,
      clientId: 'photo-000001',
      kind: 'file',
      authorKind: 'visitor',
      body: null,
      attachment: { name: 'Holiday photo.png', mime: 'image/png', size: bytes.length, removedAt: null },
    });
    expect(entry.attachment.url).toMatch(/^\/live-chat\/attachments\/[A-Za-z0-9_-]{32}$/);
    expect(entry.attachment.thumbnailUrl).toBe(`${entry.attachment.url}/thumbnail`);

    // In the Media Library, with the type detected from the bytes (the client said text/html).
    const row = await messageRow(app, visitor.id, 'photo-000001');
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: row.fileId } });
    expect(file).toMatchObject({ mime: 'image/png', ext: '.png', provider: 'local' });
    expect(file.formats.thumbnail).toBeDefined();
    // In the Media Library's own "Live Chat" folder, apart from the site's media.
    const withFolder = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: row.fileId }, populate: ['folder'] });
    expect(withFolder.folder).toMatchObject({ name: 'Live Chat' });
    expect(withFolder.folderPath).toBe(withFolder.folder.path);

    const served = await download(entry.attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-disposition']).toMatch(/^inline; filename="Holiday photo.png"/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    // The upload plugin may optimise an image it stores; what is served is the same picture.
    expect(await sharp(served.body).metadata()).toMatchObject({ format: 'png', width: 400, height: 300 });
    const thumbnail = await download(entry.attachment.thumbnailUrl);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toMatch(/^image\//);
    expect((await sharp(thumbnail.body).metadata()).width).toBeLessThan(400);

    // The agents' REST timeline and the content API show the same attachment, never the file's id or key.
    const timeline = await app.http().get(`/live-chat/conversations/${visitor.documentId}/messages`).set(bearer(ada.token));
    expect(timeline.body.data.find((e: { seq: number }) => e.seq === 2)).toEqual(entry);
    const apiToken = await createApiToken(app, 'read-only');
    const read = await app.http().get(`/api/live-chat/messages`).query({ 'filters[clientId][$eq]': 'photo-000001' }).set(bearer(apiToken));
    expect(read.status).toBe(200);
    expect(read.body.data).toHaveLength(1);
    expect(read.body.data[0].attachment).toEqual(entry.attachment);
    expect(read.body.data[0]).not.toHaveProperty('fileId');
    expect(read.body.data[0]).not.toHaveProperty('fileKey');

    // F2: the webhook of the message carries it too.
    const hook = webhookPayloads.find((payload) => (payload.message as { clientId?: string })?.clientId === 'photo-000001');
    // Webhooks add the `internal` flag of G3 (a file is never internal).
    expect(hook?.message).toEqual({ ...entry, internal: false });

    // The inbox list previews the chat's last message: here the file, by its name.
    const detail = await app.http().get(`/live-chat/conversations/${visitor.documentId}`).set(bearer(ada.token));
    expect(detail.body.data.lastMessagePreview).toBe('Holiday photo.png');
  });

  it('answers a retry with the stored message and stores no second file (E2)', async () => {
    const visitor = await visitorInConversation(app);
    const bytes = await samples.icon();
    const first = await visitorUpload(visitor.token, 'retry-file-01', { name: 'dot.png', bytes });
    expect(first.status).toBe(201);
    expect(first.body.data.attachment.thumbnailUrl).toBe(first.body.data.attachment.url);
    const [media, disk] = [await mediaCount(app), await uploadFolder()];
    const retries = await Promise.all([1, 2, 3].map(() => visitorUpload(visitor.token, 'retry-file-01', { name: 'dot.png', bytes })));
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(retry.body.data).toEqual(first.body.data);
    }
    expect(await mediaCount(app)).toBe(media);
    expect((await uploadFolder()).sort()).toEqual(disk.sort());
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: visitor.id, clientId: 'retry-file-01' } })).toBe(1);
  });

  it('stores one message and one file when the first upload and its retries race (E2), leaving no orphan', async () => {
    const visitor = await visitorInConversation(app);
    const bytes = await samples.photo();
    const [media, disk] = [await mediaCount(app), await uploadFolder()];
    const answers = await Promise.all([1, 2, 3, 4].map(() => visitorUpload(visitor.token, 'racing-file-1', { name: 'race.png', bytes })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.data.seq)).size).toBe(1);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: visitor.id, kind: 'file' } })).toBe(1);
    expect(await mediaCount(app)).toBe(media + 1);
    const row = await messageRow(app, visitor.id, 'racing-file-1');
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: row.fileId } });
    const kept = [file, ...Object.values(file.formats ?? {})].map((f) => `${(f as { hash: string }).hash}${(f as { ext: string }).ext}`);
    expect((await uploadFolder()).filter((name) => !disk.includes(name)).sort()).toEqual(kept.sort());
  });

  it('serves PDFs and text files as downloads with the detected type', async () => {
    const visitor = await visitorInConversation(app);
    const pdf = await visitorUpload(visitor.token, 'pdf-file-0001', { name: 'invoice.PDF', bytes: samples.pdf(), contentType: 'image/png' });
    expect(pdf.status).toBe(201);
    expect(pdf.body.data.attachment).toMatchObject({ name: 'invoice.pdf', mime: 'application/pdf', thumbnailUrl: null });
    const servedPdf = await download(pdf.body.data.attachment.url);
    expect(servedPdf.headers['content-type']).toBe('application/pdf');
    expect(servedPdf.headers['content-disposition']).toMatch(/^attachment; filename="invoice.pdf"/);
    expect(servedPdf.headers['x-content-type-options']).toBe('nosniff');

    // A name without an extension gets the detected type's.
    const text = await visitorUpload(visitor.token, 'text-file-0001', { name: 'notes', bytes: samples.text() });
    expect(text.status).toBe(201);
    expect(text.body.data.attachment).toMatchObject({ name: 'notes.txt', mime: 'text/plain' });
    const servedText = await download(text.body.data.attachment.url);
    expect(servedText.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(servedText.headers['content-disposition']).toMatch(/^attachment; filename="notes.txt"/);
    expect(servedText.body.toString('utf8')).toBe(samples.text().toString('utf8'));

    // Its Media Library copy under /uploads (Strapi's public folder) has the detected type's
    // extension, so it is served as text there too, with Strapi's own nosniff.
    const row = await messageRow(app, visitor.id, 'text-file-0001');
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: row.fileId } });
    expect(file.url).toMatch(/^\/uploads\/notes_[0-9a-f]+\.txt$/);
    const direct = await download(file.url);
    expect(direct.status).toBe(200);
    expect(direct.headers['content-type']).toMatch(/^text\/plain/);
    expect(direct.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['an HTML page renamed .png', { name: 'cat.png', bytes: samples.html(), contentType: 'image/png' }, 'text/plain, but its name ends in .png'],
    ['an HTML page', { name: 'page.html', bytes: samples.html(), contentType: 'text/html' }, 'text/plain, but its name ends in .html'],
    ['an SVG image', { name: 'logo.svg', bytes: samples.svg(), contentType: 'image/svg+xml' }, 'text/plain, but its name ends in .svg'],
    ['a ZIP archive', { name: 'archive.zip', bytes: samples.zip() }, 'Files of type application/zip are not accepted'],
    ['a ZIP archive named .docx', { name: 'report.docx', bytes: samples.zip() }, 'Files of type application/zip are not accepted'],
    ['unknown binary data', { name: 'data.txt', bytes: samples.binary() }, 'Files of type application/octet-stream are not accepted'],
    ['an empty file', { name: 'empty.txt', bytes: Buffer.alloc(0) }, 'The file is empty'],
  ])('refuses %s with a 400 naming the type, and stores nothing', async (_label, file, message) => {
    const visitor = await visitorInConversation(app);
    const response = await expectNothingStored(() => visitorUpload(visitor.token, 'refused-0001', file), 400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain(message);
    expect(response.body.error.details.errors[0].path).toEqual(['files']);
  });

  it('refuses a file over the limit with a 413 before storing anything, also when the declared length is small enough', async () => {
    const visitor = await visitorInConversation(app);
    // Over the limit plus the multipart allowance: refused before the body is read.
    const huge = Buffer.alloc(LIMIT * 3, 'a');
    const early = await expectNothingStored(() => visitorUpload(visitor.token, 'too-large-01', { name: 'big.txt', bytes: huge }), 413);
    expect(early.body.error).toMatchObject({ name: 'PayloadTooLargeError', message: 'The file is larger than 64 KB' });
    // Just over the limit: parsed, then refused by the size rule.
    const over = Buffer.alloc(LIMIT + 1, 'a');
    const late = await expectNothingStored(() => visitorUpload(visitor.token, 'too-large-02', { name: 'big.txt', bytes: over }), 413);
    expect(late.body.error.name).toBe('PayloadTooLargeError');
  });

  it('answers a declared 1 GB upload at once, without waiting for its body (it is never read)', async () => {
    const visitor = await visitorInConversation(app);
    const { hostname, port } = new URL(await baseUrl());
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          hostname,
          port,
          method: 'POST',
          path: '/live-chat/widget/attachments',
          headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(1024 ** 3) },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      // A few bytes of the gigabyte, and the request is left open: only a check ahead of the body
      // parser can answer it.
      request.write('--x\r\nContent-Disposition: form-data; name="clientId"\r\n\r\nhuge-upload-01\r\n');
      setTimeout(() => reject(new Error('no answer while the body was still coming')), 5000).unref();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
  });

  it('refuses bad requests with a clear 4xx and stores nothing', async () => {
    const visitor = await visitorInConversation(app);
    const file = { name: 'notes.txt', bytes: samples.text() };
    const none = await expectNothingStored(() => visitorUpload(visitor.token, 'no-file-0001'), 400);
    expect(none.body.error.message).toBe('Attach one file (multipart/form-data)');
    const two = await expectNothingStored(() => visitorUpload(visitor.token, 'two-files-01', file, file), 400);
    expect(two.body.error.message).toBe('Send one file at a time');
    const noClientId = await expectNothingStored(() => visitorUpload(visitor.token, null, file), 400);
    expect(noClientId.body.error.details.errors[0].path).toEqual(['clientId']);
    const otherField = await expectNothingStored(
      () =>
        app
          .http()
          .post('/live-chat/widget/attachments')
          .set(bearer(visitor.token))
          .field('clientId', 'other-field-1')
          .attach('document', file.bytes, { filename: file.name }),
      400,
    );
    expect(otherField.body.error.details.errors[0].path).toEqual(['document']);
    await expectNothingStored(() => visitorUpload(null, 'no-token-0001', file), 401);
    await expectNothingStored(() => visitorUpload('forged.token.value', 'forged-00001', file), 401);
    // Chunked (no Content-Length): refused before the body is read.
    const chunked = await fetch(`${await baseUrl()}/live-chat/widget/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('--x--\r\n')), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it('refuses a visitor without an open conversation, and one whose conversation is closed', async () => {
    const lonely = await visitorInConversation(app);
    await app.strapi.db.query(uid('conversation')).delete({ where: { id: lonely.id } });
    await expectNothingStored(() => visitorUpload(lonely.token, 'no-chat-0001', { name: 'a.txt', bytes: samples.text() }), 404);

    const visitor = await visitorInConversation(app);
    await app.http().post(`/live-chat/conversations/${visitor.documentId}/close`).set(bearer(ada.token)).expect(200);
    const closed = await expectNothingStored(() => visitorUpload(visitor.token, 'closed-00001', { name: 'a.txt', bytes: samples.text() }), 409);
    expect(closed.body.error.details).toEqual({ code: 'conversation_closed' });
  });

  it('lets a visitor send 10 files a minute (F4); the next is a 429 that stores nothing', async () => {
    const visitor = await visitorInConversation(app);
    for (let i = 0; i < 10; i += 1) {
      expect((await visitorUpload(visitor.token, `rate-file-${i}0`, { name: `n${i}.txt`, bytes: samples.text() })).status).toBe(201);
    }
    const refused = await expectNothingStored(() => visitorUpload(visitor.token, 'rate-file-x0', { name: 'x.txt', bytes: samples.text() }), 429);
    expect(refused.body.error.name).toBe('RateLimitError');
  });
});

let listening: string | undefined;
async function baseUrl(): Promise<string> {
  if (listening) return listening;
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  listening = `http://127.0.0.1:${address.port}`;
  return listening;
}

describe('G4 an agent sends files, under the rule of a reply', () => {
  it('stores a file from the assignee only: 409 before taking the chat, 404 for a chat assigned to another agent (B6)', async () => {
    const { id, documentId } = await startConversation(app);
    const file = { name: 'terms.pdf', bytes: samples.pdf() };
    const early = await expectNothingStored(() => agentUpload(ada, documentId, 'agent-file-01', file), 409);
    expect(early.body.error.details).toEqual({ code: 'not_assigned' });
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token)).expect(200);
    await expectNothingStored(() => agentUpload(bjorn, documentId, 'agent-file-01', file), 404);

    const sent = await agentUpload(ada, documentId, 'agent-file-01', file);
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ kind: 'file', authorKind: 'agent', authorName: 'Ada Tester', attachment: { name: 'terms.pdf', mime: 'application/pdf' } });
    const retry = await agentUpload(ada, documentId, 'agent-file-01', file);
    expect(retry.status).toBe(200);
    expect(retry.body.data.seq).toBe(sent.body.data.seq);
    expect(await app.strapi.db.query(uid('message')).count({ where: { conversation: id, kind: 'file' } })).toBe(1);

    await expectNothingStored(() => agentUpload(ada, documentId, 'agent-file-02', { name: 'x.png', bytes: samples.html() }), 400);
    await expectNothingStored(() => agentUpload(ada, 'not-a-valid-id!', 'agent-file-03', file), 400);
  });
});

describe('G4 + F5 erasing a conversation\'s files', () => {
  it('removes the files through the upload plugin and leaves the messages as "file removed"; only admins who see every chat may', async () => {
    const visitor = await visitorInConversation(app);
    const photo = await visitorUpload(visitor.token, 'erase-me-0001', { name: 'me.png', bytes: await samples.photo() });
    const text = await visitorUpload(visitor.token, 'erase-me-0002', { name: 'address.txt', bytes: samples.text() });
    const keys = [photo, text].map((response) => response.body.data.attachment.url as string);
    const fileIds = await Promise.all(['erase-me-0001', 'erase-me-0002'].map(async (clientId) => (await messageRow(app, visitor.id, clientId)).fileId));
    const stored = await app.strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: fileIds } } });
    const names = stored.flatMap((file: { hash: string; ext: string; formats: Record<string, { hash: string; ext: string }> | null }) => [
      `${file.hash}${file.ext}`,
      ...Object.values(file.formats ?? {}).map((format) => `${format.hash}${format.ext}`),
    ]);
    expect(names.length).toBeGreaterThan(2);

    const erase = () => app.http().delete(`/live-chat/conversations/${visitor.documentId}/attachments`);
    expect((await erase().set(bearer(ada.token))).status).toBe(403);
    expect((await erase()).status).toBe(401);
    const erased = await erase().set(bearer(superAdmin.token));
    expect(erased.status).toBe(200);
    expect(erased.body.data).toEqual({ removed: 2 });

    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { id: { $in: fileIds } } })).toBe(0);
    const disk = await uploadFolder();
    for (const name of names) expect(disk).not.toContain(name);
    for (const url of keys) expect((await app.http().get(url)).status).toBe(404);
    const timeline = await app.http().get(`/live-chat/conversations/${visitor.documentId}/messages`).set(bearer(superAdmin.token));
    const files = timeline.body.data.filter((entry: { kind: string }) => entry.kind === 'file');
    expect(files).toHaveLength(2);
    for (const entry of files) {
      expect(entry.attachment).toMatchObject({ name: null, url: null, thumbnailUrl: null });
      expect(entry.attachment.removedAt).toEqual(expect.any(String));
    }
    expect((await erase().set(bearer(superAdmin.token))).body.data).toEqual({ removed: 0 });
  });

  it('answers 404 for a key that never existed or is malformed', async () => {
    expect((await app.http().get('/live-chat/attachments/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await app.http().get('/live-chat/attachments/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await app.http().get('/live-chat/attachments/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/thumbnail')).status).toBe(404);
  });
});
