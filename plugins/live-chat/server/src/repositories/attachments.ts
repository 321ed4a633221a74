import type { Core } from '@strapi/strapi';
import type { AttachmentView } from '../../../shared/domain/attachments';
import { TABLES, table } from './sql';

/** The upload plugin's file row, as far as the plugin reads it. */
export interface UploadFile {
  id: number;
  url: string;
  mime: string;
  provider: string;
  formats: Record<string, { url: string; mime: string; size: number }> | null;
  [key: string]: unknown;
}

export interface FileMessage {
  messageId: number;
  conversationId: number;
  fileId: number | null;
  attachment: AttachmentView;
}

const UPLOAD_FILE = 'plugin::upload.file';
const UPLOAD_FOLDER = 'plugin::upload.folder';

const parseAttachment = (value: unknown): AttachmentView =>
  (typeof value === 'string' ? JSON.parse(value) : value) as AttachmentView;

const toFileMessage = (row: Record<string, unknown>): FileMessage => ({
  messageId: Number(row.id),
  conversationId: Number(row.conversation_id),
  fileId: row.file_id === null || row.file_id === undefined ? null : Number(row.file_id),
  attachment: parseAttachment(row.attachment),
});

/** G4: the file messages of the timeline and the upload plugin's rows behind them. */
export const createAttachmentRepository = (strapi: Core.Strapi) => ({
  /** The file message whose URL holds this key (null once erased: the key is cleared). */
  async findByKey(fileKey: string): Promise<FileMessage | null> {
    const row = await table(strapi, TABLES.messages).where({ file_key: fileKey }).first('id', 'conversation_id', 'file_id', 'attachment');
    return row ? toFileMessage(row) : null;
  },

  /** A conversation's file messages whose file is still stored. */
  async storedFilesOf(conversationId: number): Promise<FileMessage[]> {
    const rows = await table(strapi, TABLES.messages)
      .where({ conversation_id: conversationId, kind: 'file' })
      .whereNotNull('file_id')
      .orderBy('seq', 'asc')
      .select('id', 'conversation_id', 'file_id', 'attachment');
    return rows.map(toFileMessage);
  },

  /** Leaves the message as "file removed": the reader's view replaced, the file and key cleared. */
  async markRemoved(messageId: number, attachment: AttachmentView): Promise<void> {
    await table(strapi, TABLES.messages)
      .where({ id: messageId })
      .update({ attachment: JSON.stringify(attachment), file_id: null, file_key: null });
  },

  /** Whether a Media Library folder still exists (an admin may have deleted it). */
  async folderExists(id: number): Promise<boolean> {
    return (await strapi.db.query(UPLOAD_FOLDER).count({ where: { id } })) > 0;
  },

  /** Whether a root folder of the Media Library already has this name. */
  async rootFolderNamed(name: string): Promise<boolean> {
    return (await strapi.db.query(UPLOAD_FOLDER).count({ where: { name, parent: null } })) > 0;
  },

  /** The upload plugin's file row (its Media Library entry). */
  async uploadFile(id: number): Promise<UploadFile | null> {
    return (await strapi.db.query(UPLOAD_FILE).findOne({ where: { id } })) as UploadFile | null;
  },
});

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;
