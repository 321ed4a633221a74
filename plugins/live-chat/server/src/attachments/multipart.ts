import { rm } from 'node:fs/promises';
import type { Context } from 'koa';
import { z } from 'zod';
import { messageInputSchema } from '../../../shared/domain/messaging';
import { invalidInput } from '../errors';
import type { ReceivedFile } from '../services/attachments';
import { parseOrThrow } from '../validation';

/** The form field of the file: `files`, as Strapi's own upload route names it. */
export const FILE_FIELD = 'files';

/** The text fields of an upload: the message's clientId (E2: a retry is the same message). */
const uploadFieldsSchema = z.strictObject({ clientId: messageInputSchema.shape.clientId });

/** A file as Strapi's body middleware (koa-body, formidable) leaves it on the request. */
interface ParsedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

const filesOf = (ctx: Context): Record<string, ParsedFile | ParsedFile[]> =>
  ((ctx.request as { files?: Record<string, ParsedFile | ParsedFile[]> }).files ?? {}) as Record<string, ParsedFile | ParsedFile[]>;

/**
 * G4: the one file and the clientId of a `multipart/form-data` upload, or a 400 naming what is
 * wrong (no file, several files, another field). Nothing is stored before this has passed.
 */
export function readUpload(ctx: Context): { clientId: string; file: ReceivedFile } {
  const fields = parseOrThrow(uploadFieldsSchema, (ctx.request as { body?: unknown }).body, 'Invalid upload');
  const parsed = filesOf(ctx);
  const others = Object.keys(parsed).filter((field) => field !== FILE_FIELD);
  if (others.length > 0) {
    throw invalidInput('Invalid upload', others.map((field) => ({ path: [field], message: `Send the file in the "${FILE_FIELD}" field` })));
  }
  const sent = parsed[FILE_FIELD];
  const list = sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
  if (list.length !== 1) {
    const message = list.length === 0 ? 'Attach one file (multipart/form-data)' : 'Send one file at a time';
    throw invalidInput(message, [{ path: [FILE_FIELD], message }]);
  }
  const [file] = list;
  return { clientId: fields.clientId, file: { path: file.filepath, originalName: file.originalFilename ?? '', size: file.size } };
}

/**
 * Removes the request's temporary files. Strapi's body middleware removes those of the `files`
 * field only; a client may send others, and they must not pile up in the temp folder.
 */
export async function discardUploads(ctx: Context): Promise<void> {
  const all = Object.values(filesOf(ctx)).flat();
  await Promise.all(all.map((file) => rm(file.filepath, { force: true }).catch(() => undefined)));
}
