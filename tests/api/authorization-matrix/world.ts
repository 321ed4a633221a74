import { CONTENT_TYPE_NAMES, uid, type ContentTypeName } from '../../../plugins/live-chat/shared/constants';
import { PLUGIN_ONLY_TYPES } from '../../../plugins/live-chat/server/src/plugin-only';
import { bearer } from '../../harness/admin';
import { samples } from '../../harness/attachments';
import type { TestApp } from '../../harness/strapi';
import type { Principal, PrincipalName } from './principals';

/** The conversations every inbox route and socket event is asked about (B6, B8). */
export const CHATS = ['unassigned', 'ofAgentA', 'ofAgentB', 'closed'] as const;
export type Chat = (typeof CHATS)[number];

/**
 * Who creates the Content Manager records: the CRM types have one of the Editor's and one of the
 * Author's (who may touch only their own; any other owner answers as the Editor's does); the
 * plugin-only types have one record, the super admin's or the plugin's.
 */
export type Owner = 'superAdmin' | 'editor' | 'author';
export const CRM_OWNERS: Owner[] = ['editor', 'author'];

export const CRM_TYPES = CONTENT_TYPE_NAMES.filter((name) => !PLUGIN_ONLY_TYPES.has(uid(name)));
/** A valid new record of each CRM type, as the Content Manager and the content API take it. */
export const CRM_SAMPLES: Record<string, Record<string, unknown>> = {
  person: { name: 'Pat Person' },
  organization: { name: 'Acme' },
  lead: { title: 'Matrix lead' },
  deal: { title: 'Matrix deal' },
  activity: { subject: 'Matrix activity' },
};

export interface World {
  /** documentIds of the four conversations: visitor A's (assigned to agent A), visitor B's, two more. */
  chats: Record<Chat, string>;
  /** A conversation in that state nobody else has touched, for a request that may change it. */
  freshChat(state: Chat): Promise<string>;
  /** The published, active Live Chat template playbook, and one of its cards. */
  playbook: { documentId: string; card: string };
  freshPlaybook(): Promise<{ documentId: string; card: string }>;
  /** A canned reply (G3), and a new one for a request that may change it. */
  cannedReply: string;
  freshCannedReply(): Promise<string>;
  /** One record per content type: per owner for the CRM types; any one for the plugin-only types. */
  records: Record<ContentTypeName, Partial<Record<Owner, string>>>;
  /** A record of the type, whoever's. */
  anyRecord(type: ContentTypeName): string;
  freshRecord(type: ContentTypeName, owner: Owner): Promise<string>;
  /** A file of the widget bundle, as the loader names it. */
  widgetChunk: string;
  /** The key in the URL of a photo visitor A sent (G4: the URL is the file's only credential). */
  attachmentKey: string;
}

/** A one-file upload (G4) with a fresh clientId, as the widget and the inbox send it. */
export async function uploadForm(name = 'photo.png'): Promise<FormData> {
  const form = new FormData();
  form.append('clientId', `matrix-file-${Math.random().toString(36).slice(2, 12)}`);
  form.append('files', new Blob([await samples.icon()], { type: 'image/png' }), name);
  return form;
}

export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export async function createWorld(app: TestApp, who: Record<PrincipalName, Principal>): Promise<World> {
  const { strapi } = app;
  const service = (name: string) => strapi.plugin('live-chat').service(name);
  const agent = async (principal: PrincipalName) => service('agents').findAgent(who[principal].adminId);
  const admin = (principal: PrincipalName) => ({ ...bearer(who[principal].bearer as string) });

  async function visitorIdOf(principal?: 'visitorA' | 'visitorB'): Promise<number> {
    if (principal) return (await service('visitors').fromToken(who[principal].bearer)).id;
    const created = await strapi.db.query(uid('visitor')).create({ data: { subject: `matrix-${Math.random()}`, name: 'Visitor' } });
    return created.id;
  }
  async function chatIn(state: Chat, visitor?: 'visitorA' | 'visitorB'): Promise<string> {
    const record = await service('conversations').start({ visitorId: await visitorIdOf(visitor), waitTimeSeconds: 3600 });
    if (state === 'unassigned') return record.documentId;
    const owner = state === 'ofAgentB' ? 'agentB' : 'agentA';
    await service('conversations').assignToMe(await agent(owner), record.documentId);
    if (state === 'closed') await service('conversations').close(await agent(owner), record.documentId);
    return record.documentId;
  }

  async function freshPlaybook() {
    const created = await app.http().post('/live-chat/playbooks').set(admin('manager')).send({ name: 'Matrix', template: 'live_chat' });
    const documentId: string = created.body.data.documentId;
    await app.http().put(`/live-chat/playbooks/${documentId}`).set(admin('manager')).send({ active: true });
    const published = await app.http().post(`/live-chat/playbooks/${documentId}/publish`).set(admin('manager'));
    if (published.status !== 200) throw new Error(`playbook not published: ${JSON.stringify(published.body)}`);
    return { documentId, card: published.body.data.cards[0].documentId as string };
  }

  async function freshRecord(type: ContentTypeName, owner: Owner): Promise<string> {
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${uid(type)}`)
      .set(admin(owner))
      .send(CRM_SAMPLES[type]);
    if (response.status !== 201) throw new Error(`${owner} could not create a ${type}: ${response.status}`);
    return response.body.data.documentId;
  }

  let replies = 0;
  async function freshCannedReply(): Promise<string> {
    replies += 1;
    const created = await app
      .http()
      .post('/live-chat/canned-replies')
      .set(admin('superAdmin'))
      .send({ shortcut: `world-${replies}`, title: 'World', body: 'Hello {visitor.name}' });
    if (created.status !== 201) throw new Error(`canned reply not created: ${JSON.stringify(created.body)}`);
    return created.body.data.documentId;
  }

  const chats: Record<Chat, string> = {
    unassigned: await chatIn('unassigned'),
    ofAgentA: await chatIn('ofAgentA', 'visitorA'),
    ofAgentB: await chatIn('ofAgentB', 'visitorB'),
    closed: await chatIn('closed'),
  };
  const photo = await app
    .http()
    .post('/live-chat/widget/attachments')
    .set(bearer(who.visitorA.bearer as string))
    .field('clientId', 'matrix-photo-0001')
    .attach('files', await samples.photo(), { filename: 'photo.png', contentType: 'image/png' });
  const attachmentKey = /\/attachments\/([^/]+)$/.exec(photo.body.data?.attachment?.url ?? '')?.[1];
  if (!attachmentKey) throw new Error(`visitor A could not send a photo: ${JSON.stringify(photo.body)}`);
  const playbook = await freshPlaybook();
  const cannedReply = await freshCannedReply();
  await service('installations').record(playbook.documentId, 'https://site.test/pricing');
  await app.http().put('/live-chat/availability').set(admin('agentA')).send({ availability: 'online' });
  await app.http().put('/live-chat/me/notifications').set(admin('agentA')).send({ sound: true });

  // F5: one erasure, so the audit log (a plugin-only type) holds a record the Content Manager cells ask about.
  const erased = await app.http().post(`/live-chat/personal-data/conversation/${await chatIn('closed')}/erase`).set(admin('superAdmin')).send({ confirm: 'ERASE' });
  if (erased.status !== 200) throw new Error(`no erasure: ${JSON.stringify(erased.body)}`);

  const anyDocumentId = async (type: ContentTypeName) =>
    ((await strapi.db.query(uid(type)).findOne({ select: ['documentId'] })) as { documentId: string }).documentId;
  const records = {} as World['records'];
  for (const type of CONTENT_TYPE_NAMES) {
    if (CRM_TYPES.includes(type)) {
      records[type] = {};
      for (const owner of CRM_OWNERS) records[type][owner] = await freshRecord(type, owner);
    } else {
      records[type] = { superAdmin: type === 'conversation' ? chats.ofAgentA : await anyDocumentId(type) };
    }
  }

  const loader = await app.http().get('/live-chat/widget.js');
  const widgetChunk = /chat\.[a-z]{2}\.[0-9a-f]+\.js/.exec(loader.text)?.[0];
  if (!widgetChunk) throw new Error('the widget loader names no chunk');

  return {
    chats,
    freshChat: (state) => chatIn(state),
    playbook,
    freshPlaybook,
    cannedReply,
    freshCannedReply,
    records,
    anyRecord: (type) => Object.values(records[type])[0] as string,
    freshRecord,
    widgetChunk,
    attachmentKey,
  };
}
