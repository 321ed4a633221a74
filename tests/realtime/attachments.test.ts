import type { Socket } from 'socket.io-client';
import type { TimelineEntry } from '../../plugins/live-chat/shared/contracts/conversations';
import type { SyncPage, VisitorConversation, VisitorSyncPage } from '../../plugins/live-chat/shared/events';
import { bearer, createAgent, type TestAdmin } from '../harness/admin';
import { removeAllMedia, samples } from '../harness/attachments';
import { connect, disconnectAll, listen, nextEvent, record, request, settle, visitorToken } from '../harness/sockets';
import { bootStrapi, type TestApp } from '../harness/strapi';

/** G4 + E2: a file is a timeline message: delivered live to the other side and found by catch-up. */
let app: TestApp;
let url: string;
let ada: TestAdmin;
let bjorn: TestAdmin;
let adaSocket: Socket;
let bjornSocket: Socket;

beforeAll(async () => {
  app = await bootStrapi();
  url = await listen(app);
  ada = await createAgent(app, 'Ada');
  bjorn = await createAgent(app, 'Bjorn');
  adaSocket = await connect(url, 'agent', ada.token);
  bjornSocket = await connect(url, 'agent', bjorn.token);
});
afterAll(async () => {
  disconnectAll();
  await removeAllMedia(app);
  await app.stop();
});

const isFile = (entry: TimelineEntry) => entry.kind === 'file';

describe('G4 files over the sockets', () => {
  it("reaches the assignee live both ways (never another agent, B6) and is in both sides' catch-up", async () => {
    const token = await visitorToken(app);
    const visitor = await connect(url, 'visitor', token);
    const started = await request<VisitorConversation>(visitor, 'conversation:start', {});
    if (!started.ok) throw new Error(started.error.message);
    const { documentId } = started.data;
    await app.http().post(`/live-chat/conversations/${documentId}/assign`).set(bearer(ada.token)).expect(200);
    await settle(100);
    const bjornEntries = record<{ documentId: string }>(bjornSocket, 'timeline:entry');

    // The visitor's photo reaches Ada.
    const atAda = nextEvent<{ documentId: string; entry: TimelineEntry }>(adaSocket, 'timeline:entry', (p) => p.documentId === documentId && isFile(p.entry));
    const photo = await app
      .http()
      .post('/live-chat/widget/attachments')
      .set(bearer(token))
      .field('clientId', 'rt-photo-0001')
      .attach('files', await samples.photo(), { filename: 'photo.png', contentType: 'image/png' });
    expect(photo.status).toBe(201);
    const delivered = await atAda;
    expect(delivered.entry).toEqual(photo.body.data);
    expect(delivered.entry.attachment).toMatchObject({ name: 'photo.png', mime: 'image/png' });

    // Ada's PDF reaches the visitor.
    const atVisitor = nextEvent<TimelineEntry>(visitor, 'timeline:entry', isFile);
    const pdf = await app
      .http()
      .post(`/live-chat/conversations/${documentId}/attachments`)
      .set(bearer(ada.token))
      .field('clientId', 'rt-pdf-00001')
      .attach('files', samples.pdf(), { filename: 'price list.pdf', contentType: 'application/pdf' });
    expect(pdf.status).toBe(201);
    expect(await atVisitor).toEqual(pdf.body.data);

    // Catch-up after a disconnect (E2): both files, once, in order, on both sides.
    const visitorSync = await request<VisitorSyncPage>(visitor, 'sync', { afterSeq: 0 });
    const agentSync = await request<SyncPage>(adaSocket, 'sync', { documentId, afterSeq: 0 });
    for (const sync of [visitorSync, agentSync]) {
      if (!sync.ok) throw new Error(sync.error.message);
      expect(sync.data.entries.filter(isFile)).toEqual([photo.body.data, pdf.body.data]);
    }

    await settle();
    expect(bjornEntries.filter((entry) => entry.documentId === documentId)).toEqual([]);
  });
});
