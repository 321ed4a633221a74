import { MESSAGE_AUDIENCES, MESSAGE_AUTHOR_KINDS, MESSAGE_KINDS, uid } from '../../../shared/constants';
import { defineContentType, enumeration, foreignKey, hiddenFromContentApi } from './define';

/**
 * E2: one entry of a conversation's timeline. `seq` is gap-free per conversation and assigned by the
 * server; `clientId` comes from the sender so a retry can never store a second copy.
 */
export default defineContentType({
  singularName: 'message',
  pluralName: 'messages',
  displayName: 'Message',
  visibleInContentManager: false,
  attributes: {
    conversation: foreignKey(uid('conversation'), { inversedBy: 'messages', required: true }),
    seq: { type: 'integer', required: true, min: 1 },
    clientId: { type: 'string', required: true, maxLength: 64 },
    kind: enumeration(MESSAGE_KINDS, { required: true, default: 'text' }),
    authorKind: enumeration(MESSAGE_AUTHOR_KINDS, { required: true }),
    // The content API shows the author as `authorName`; admin users are not its content (F1).
    author: hiddenFromContentApi(foreignKey('admin::user')),
    authorName: { type: 'string', maxLength: 200 },
    body: { type: 'text', maxLength: 10000 },
    // B7: for timeline events (joined, reassigned, lead created, closed …): what happened and to what.
    event: { type: 'json' },
    // G3: `agents` for internal notes and internal events (shared/domain/audience.ts decides who
    // receives what). The column default fills rows written before it existed, which were all public.
    audience: enumeration(MESSAGE_AUDIENCES, { required: true, default: 'everyone', column: { defaultTo: 'everyone' } }),
    // G2: what a bot transcript line is (question, capture answers …), beyond its text.
    transcript: { type: 'json' },
    // G4: a `file` entry's file as readers see it ({ name, mime, size, url, thumbnailUrl, removedAt }).
    attachment: { type: 'json' },
    // G4: the upload plugin's file (plugin::upload.file id) and the secret part of its URL; null
    // once erased. Plain columns, private: only the plugin's own code reads them.
    fileId: { type: 'integer', private: true },
    fileKey: { type: 'string', private: true, maxLength: 64 },
  },
  indexes: [
    { name: 'live_chat_messages_seq_uq', columns: ['conversation_id', 'seq'], type: 'unique' },
    { name: 'live_chat_messages_client_id_uq', columns: ['conversation_id', 'client_id'], type: 'unique' },
    { name: 'live_chat_messages_file_key_uq', columns: ['file_key'], type: 'unique' },
    // Issue 16: a chat's first public agent reply (first response time) is one index lookup.
    { name: 'live_chat_messages_first_reply_idx', columns: ['conversation_id', 'author_kind', 'audience', 'kind', 'created_at'] },
  ],
});
