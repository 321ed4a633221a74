import {
  CONTENT_TYPE_NAMES,
  CONVERSATION_STATUSES,
  MESSAGE_AUTHOR_KINDS,
  uid,
} from '../../plugins/live-chat/shared/constants';
import { bootStrapi, type TestApp } from '../harness/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app.stop();
});

const conversations = () => app.strapi.db.query(uid('conversation'));
const messages = () => app.strapi.db.query(uid('message'));

/**
 * The database driver's error may come from outside jest's sandbox realm, so it is matched by its
 * message (SQLite: "UNIQUE constraint failed", PostgreSQL: "violates unique constraint").
 */
const expectUniqueViolation = (insert: Promise<unknown>) =>
  expect(insert).rejects.toMatchObject({ message: expect.stringMatching(/unique constraint/i) });

const newConversation = () => conversations().create({ data: { status: 'unassigned', lastMessageSeq: 0 } });
const newMessage = (conversation: number, seq: number, clientId: string) =>
  messages().create({ data: { conversation, seq, clientId, kind: 'text', authorKind: 'visitor', body: 'hi' } });

describe('the data model', () => {
  it('registers every content type of the plugin', () => {
    for (const name of CONTENT_TYPE_NAMES) {
      expect(app.strapi.contentType(uid(name))).toBeDefined();
    }
  });

  it('gives conversations and messages the statuses and author kinds of the domain', () => {
    const conversation = app.strapi.contentType(uid('conversation'));
    const message = app.strapi.contentType(uid('message'));
    expect(conversation.attributes.status).toMatchObject({ type: 'enumeration', enum: [...CONVERSATION_STATUSES] });
    expect(message.attributes.authorKind).toMatchObject({ type: 'enumeration', enum: [...MESSAGE_AUTHOR_KINDS] });
  });

  it('keeps the Live Chat card fields of A3 on the card', () => {
    const card = app.strapi.contentType(uid('card'));
    expect(Object.keys(card.attributes)).toEqual(
      expect.arrayContaining(['onlineMessage', 'waitTimeSeconds', 'offlineMessage', 'kind', 'position', 'playbook']),
    );
  });

  it('marks the visitor token subject private', () => {
    expect(app.strapi.contentType(uid('visitor')).attributes.subject).toMatchObject({ private: true });
  });
});

describe('E2 unique keys of messages', () => {
  it('refuses a second message with the same (conversation, clientId)', async () => {
    const conversation = await newConversation();
    await newMessage(conversation.id, 1, 'client-a');
    await expectUniqueViolation(newMessage(conversation.id, 2, 'client-a'));
    expect(await messages().count({ where: { conversation: conversation.id } })).toBe(1);
  });

  it('refuses a second message with the same (conversation, seq)', async () => {
    const conversation = await newConversation();
    await newMessage(conversation.id, 1, 'client-a');
    await expectUniqueViolation(newMessage(conversation.id, 1, 'client-b'));
    expect(await messages().count({ where: { conversation: conversation.id } })).toBe(1);
  });

  it('allows the same clientId and seq in another conversation', async () => {
    const first = await newConversation();
    const second = await newConversation();
    await newMessage(first.id, 1, 'shared-client-id');
    await expect(newMessage(second.id, 1, 'shared-client-id')).resolves.toMatchObject({ seq: 1 });
  });
});
