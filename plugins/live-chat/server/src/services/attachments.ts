import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkAttachment, isImageType, type Agent, type AttachmentRefusal, type AttachmentView } from '../../../shared/domain';
import { createMediaFolder } from '../attachments/media-folder';
import { sniffFile } from '../attachments/sniff';
import { invalidInput, notFound } from '../errors';
import { pluginConfig } from '../plugin-config';
import { createAttachmentRepository, type UploadFile } from '../repositories/attachments';
import { createConversationRepository, type ConversationRecord } from '../repositories/conversations';
import { refusalError, stateOf, type ConversationService } from './conversations';
import type { MessageAuthor, MessageService, Sent } from './messages';

/** A file as the multipart parser left it on disk, with the name the sender gave it. */
export interface ReceivedFile {
  path: string;
  originalName: string;
  size: number;
}

/** What the serving route streams, and how (images inline, everything else as a download). */
export interface OpenedFile {
  body: Readable;
  mime: string;
  size: number | null;
  name: string;
  inline: boolean;
}

/** The public path of an attachment; the key is its only credential (README, "Design choices"). */
export const attachmentUrl = (fileKey: string) => `/live-chat/attachments/${fileKey}`;

function attachmentRefusalError(refusal: AttachmentRefusal) {
  if (refusal.code === 'too_large') return new errors.PayloadTooLargeError(refusal.message, { code: refusal.code });
  return invalidInput(refusal.message, [{ path: ['files'], message: refusal.message }]);
}

/**
 * G4: files sent in a chat. Stored through Strapi's upload plugin (the Media Library, with the
 * app's provider), one file per timeline message of kind `file`, which keeps E2's clientId and
 * seq and travels to sockets, REST and webhooks like any message.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const files = createAttachmentRepository(strapi);
  const conversations = createConversationRepository(strapi);
  const messages = () => strapi.plugin('live-chat').service('messages') as MessageService;
  const conversationService = () => strapi.plugin('live-chat').service('conversations') as ConversationService;
  const uploads = () => strapi.plugin('upload').service('upload');
  const mediaFolder = createMediaFolder(strapi);

  /**
   * E2 + G4: a retry (same clientId) answers the stored message and stores no second file. The
   * file is checked (size, type from its bytes, name) before the upload plugin sees it; if the
   * message is then refused or loses a race to its own retry, the uploaded file is removed again,
   * so nothing is left in the Media Library.
   */
  async function send(record: ConversationRecord, author: MessageAuthor, clientId: string, file: ReceivedFile): Promise<Sent> {
    const refusal = messages().refusalFor(author, stateOf(record));
    const existing = await messages().findStored(record, clientId);
    if (existing) return { entry: existing, created: false };
    if (refusal) throw refusalError(refusal);

    const rules = pluginConfig(strapi).attachments;
    const size = file.size <= rules.maxFileSize ? (await stat(file.path)).size : file.size;
    const detectedType = size > 0 && size <= rules.maxFileSize ? await sniffFile(file.path) : null;
    const checked = checkAttachment({ originalName: file.originalName, size, detectedType }, { allowedTypes: rules.allowedTypes, maxBytes: rules.maxFileSize });
    if (!checked.ok) throw attachmentRefusalError(checked.refusal);

    const [uploaded] = (await uploads().upload({
      data: { fileInfo: { name: checked.name, folder: await mediaFolder.folderId() } },
      files: { filepath: file.path, originalFilename: checked.name, mimetype: checked.mime, detectedMimeType: checked.mime, size },
    })) as UploadFile[];
    const fileKey = randomBytes(24).toString('base64url');
    const url = attachmentUrl(fileKey);
    const image = isImageType(checked.mime);
    const attachment: AttachmentView = {
      name: checked.name,
      mime: checked.mime,
      size,
      url,
      thumbnailUrl: image ? (uploaded.formats?.thumbnail ? `${url}/thumbnail` : url) : null,
      removedAt: null,
    };
    let sent: Sent;
    try {
      sent = await messages().storeAlone(record, author, {
        kind: 'file',
        authorKind: author.kind,
        authorId: author.kind === 'agent' ? author.agent.id : null,
        authorName: author.kind === 'agent' ? author.agent.displayName : author.name,
        body: null,
        clientId,
        file: { attachment, fileId: uploaded.id, fileKey },
        createdAt: new Date(),
      });
    } catch (error) {
      await uploads().remove(uploaded);
      throw error;
    }
    if (!sent.created) await uploads().remove(uploaded);
    return sent;
  }

  /** Streams a stored file (or its thumbnail) from the upload provider: local disk, or its URL. */
  async function read(file: { url: string }, provider: string): Promise<{ body: Readable; size: number | null }> {
    if (provider === 'local' || file.url.startsWith('/')) {
      const root = path.resolve(strapi.dirs.static.public);
      const full = path.resolve(root, `.${file.url.split('?')[0]}`);
      if (!full.startsWith(root + path.sep)) throw notFound('File');
      const info = await stat(full).catch(() => null);
      if (!info?.isFile()) throw notFound('File');
      return { body: createReadStream(full), size: info.size };
    }
    const response = await fetch(file.url);
    if (!response.ok || !response.body) throw notFound('File');
    const length = Number(response.headers.get('content-length'));
    return { body: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), size: Number.isFinite(length) && length > 0 ? length : null };
  }

  /** Removes a file message's file through the upload plugin and leaves the message as "file removed". */
  async function erase(message: { messageId: number; fileId: number | null; attachment: AttachmentView }, at: Date) {
    const stored = message.fileId === null ? null : await files.uploadFile(message.fileId);
    if (stored) await uploads().remove(stored);
    await files.markRemoved(message.messageId, {
      ...message.attachment,
      name: null,
      url: null,
      thumbnailUrl: null,
      removedAt: at.toISOString(),
    });
  }

  return {
    /** A visitor's file in their current conversation (E4: never another visitor's; B8: not a closed one). */
    async sendAsVisitor(visitor: { id: number; name: string | null }, clientId: string, file: ReceivedFile): Promise<Sent> {
      const record = await conversations.findCurrentOfVisitor(visitor.id);
      if (!record) throw notFound('Conversation');
      return send(record, { kind: 'visitor', visitorId: visitor.id, name: visitor.name }, clientId, file);
    },

    /** An agent's file, under the rule of an agent's reply (B6 to see the chat, B3 to write in it). */
    async sendAsAgent(agent: Agent, documentId: string, clientId: string, file: ReceivedFile): Promise<Sent> {
      const record = await conversationService().loadVisible(agent, documentId);
      return send(record, { kind: 'agent', agent }, clientId, file);
    },

    /** The file behind an attachment URL, or its thumbnail; 404 once erased or for an unknown key. */
    async open(fileKey: string, variant: 'original' | 'thumbnail'): Promise<OpenedFile> {
      const message = await files.findByKey(fileKey);
      const stored = message?.fileId ? await files.uploadFile(message.fileId) : null;
      if (!message || !stored) throw notFound('File');
      const { attachment } = message;
      const inline = isImageType(attachment.mime);
      if (variant === 'thumbnail' && !inline) throw notFound('File');
      const rendition = variant === 'thumbnail' && stored.formats?.thumbnail ? stored.formats.thumbnail : null;
      const { body, size } = await read(rendition ?? stored, stored.provider);
      return { body, size, mime: rendition?.mime ?? attachment.mime, name: attachment.name ?? 'file', inline };
    },

    /** F5: a stored file's bytes by its upload-plugin id, for the personal data export (null once erased). */
    async openStored(fileId: number): Promise<Readable | null> {
      const stored = await files.uploadFile(fileId);
      return stored ? (await read(stored, stored.provider)).body : null;
    },

    /**
     * GDPR (F5): removes every file of a conversation through the upload plugin (files and their
     * formats, with whatever provider stored them) and leaves each message as "file removed"
     * (no name, no URL). Answers how many files were removed; running it again removes nothing.
     */
    async eraseFilesOf(conversationId: number): Promise<number> {
      const stored = await files.storedFilesOf(conversationId);
      const at = new Date();
      for (const message of stored) await erase(message, at);
      return stored.length;
    },

    /** The admin route of eraseFilesOf: for a conversation the admin may see (B6). */
    async eraseFilesAsAdmin(agent: Agent, documentId: string): Promise<{ removed: number }> {
      const record = await conversationService().loadVisible(agent, documentId);
      return { removed: await this.eraseFilesOf(record.id) };
    },
  };
};

export type AttachmentService = ReturnType<typeof import('./attachments').default>;
