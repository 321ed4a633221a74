import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { uid } from '../../plugins/live-chat/shared/constants';
import { visitorToken } from './sockets';
import { APP_ROOT, type TestApp } from './strapi';

/** G4 test files: real bytes of each kind, made here (no fixtures to keep in the repo). */
export const samples = {
  /** Larger than the upload plugin's thumbnail size, so it gets a `thumbnail` format. */
  photo: () => sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer(),
  /** Smaller than a thumbnail: shown as is. */
  icon: () => sharp({ create: { width: 16, height: 16, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer(),
  pdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  text: () => Buffer.from('Order 1234\nDelivered to the wrong door — please call.\n', 'utf8'),
  html: () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n'),
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>\n'),
  /** An empty ZIP archive (end-of-central-directory record only). */
  zip: () => Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
  binary: () => Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x20]),
};

/** A visitor with a signed token and an open conversation of their own (B1, E4). */
export async function visitorInConversation(app: TestApp): Promise<{ token: string; id: number; documentId: string; visitorId: number }> {
  const token = await visitorToken(app);
  const visitor = await app.strapi.plugin('live-chat').service('visitors').fromToken(token);
  const record = await app.strapi.plugin('live-chat').service('conversations').start({ visitorId: visitor.id, waitTimeSeconds: 3600 });
  return { token, id: record.id, documentId: record.documentId, visitorId: visitor.id };
}

/** The files of the local upload provider's folder (under the app's public folder, PUBLIC_DIR). */
export const uploadFolder = (publicDir = path.join(APP_ROOT, 'public')) => readdir(path.join(publicDir, 'uploads'));

/** A public folder of a test file's own (PUBLIC_DIR), so its file counts see no other test's uploads. */
export async function ownPublicFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'live-chat-public-'));
  await mkdir(path.join(dir, 'uploads'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Media Library rows (the upload plugin's files table). */
export const mediaCount = (app: TestApp) => app.strapi.db.query('plugin::upload.file').count();

/** Removes every file the test stored, through the upload plugin (its provider deletes them from disk). */
export async function removeAllMedia(app: TestApp) {
  const files = await app.strapi.db.query('plugin::upload.file').findMany();
  for (const file of files) await app.strapi.plugin('upload').service('upload').remove(file);
}

export const messageRow = (app: TestApp, conversationId: number, clientId: string) =>
  app.strapi.db.query(uid('message')).findOne({ where: { conversation: conversationId, clientId } });
