/**
 * G4: what a chat attachment may be. The type is decided from the file's bytes (the server sniffs
 * them); the name the sender gave only has to agree with it, and the stored name always ends in the
 * extension of the detected type, so no file can be served as something it is not (an `.html` named
 * `.png` is refused, a text file is always `.txt`).
 */

/** The types the plugin can recognise from their bytes, with the extensions each may carry. */
export const ATTACHMENT_TYPES = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

/** What the plugin accepts unless the app narrows it: every type above (SVG is never one). */
export const DEFAULT_ATTACHMENT_TYPES: readonly AttachmentType[] = ATTACHMENT_TYPE_NAMES;
/** 10 MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Stored file names are cut to this many characters (before the extension). */
export const ATTACHMENT_NAME_MAX_LENGTH = 120;

/** Images are shown inline (with the upload plugin's thumbnail); every other type is a download. */
export const isImageType = (mime: string) => mime.startsWith('image/');

export const isAttachmentType = (mime: string): mime is AttachmentType => Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, mime);

/** An attachment as every reader sees it (REST, content API, sockets, webhooks). */
export interface AttachmentView {
  /** Null once the file was erased (its name can identify a person). */
  name: string | null;
  mime: string;
  size: number;
  /** Relative to the Strapi server; null once erased. */
  url: string | null;
  /** Images only: a small rendition (the upload plugin's `thumbnail` format, else the image). */
  thumbnailUrl: string | null;
  /** When the file was erased (GDPR); the message stays as "file removed". */
  removedAt: string | null;
}

export type AttachmentRefusal =
  | { code: 'type_not_allowed'; message: string }
  | { code: 'name_mismatch'; message: string }
  | { code: 'too_large'; message: string }
  | { code: 'empty'; message: string };

// Characters no file system or the upload plugin accepts in a name, and control characters.
const UNSAFE_NAME_CHARACTERS = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/**
 * Checks a file whose type was detected from its bytes against the allow-list, the size limit and
 * the name it was sent with. Answers the name to store it under (safe characters, the detected
 * type's extension) or the refusal.
 */
export function checkAttachment(
  file: { originalName: string; size: number; detectedType: string | null },
  rules: { allowedTypes: readonly string[]; maxBytes: number },
): { ok: true; name: string; mime: AttachmentType } | { ok: false; refusal: AttachmentRefusal } {
  if (file.size <= 0) return { ok: false, refusal: { code: 'empty', message: 'The file is empty' } };
  if (file.size > rules.maxBytes) {
    return { ok: false, refusal: { code: 'too_large', message: `The file is larger than ${formatBytes(rules.maxBytes)}` } };
  }
  const detected = file.detectedType ?? 'application/octet-stream';
  if (!isAttachmentType(detected) || !rules.allowedTypes.includes(detected)) {
    return { ok: false, refusal: { code: 'type_not_allowed', message: `Files of type ${detected} are not accepted` } };
  }
  const extensions: readonly string[] = ATTACHMENT_TYPES[detected];
  const cleaned = file.originalName.normalize('NFC').replace(UNSAFE_NAME_CHARACTERS, '_').trim();
  const dot = cleaned.lastIndexOf('.');
  const given = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  if (given && !extensions.includes(given)) {
    return {
      ok: false,
      refusal: { code: 'name_mismatch', message: `The file's content is ${detected}, but its name ends in .${given}` },
    };
  }
  const base = (given ? cleaned.slice(0, dot) : cleaned).replace(/^\.+/, '').slice(0, ATTACHMENT_NAME_MAX_LENGTH) || 'file';
  return { ok: true, name: `${base}.${given || extensions[0]}`, mime: detected };
}

/** What the widget may offer a visitor before the server checks the bytes: the names' extensions and the limit. */
export interface AttachmentLimits {
  /** Lower-case extensions without the dot; empty when the app turned attachments off. */
  extensions: string[];
  maxBytes: number;
}

/** The limits a visitor's client is told, from the app's allow-list (the server still sniffs every file). */
export function attachmentLimits(rules: { allowedTypes: readonly string[]; maxBytes: number }): AttachmentLimits {
  const extensions = rules.allowedTypes.flatMap((type) => (isAttachmentType(type) ? [...ATTACHMENT_TYPES[type]] : []));
  return { extensions, maxBytes: rules.maxBytes };
}

/** The client's early answer for a chosen file; null when only the server can tell (it sniffs the bytes). */
export function precheckAttachment(file: { name: string; size: number }, limits: AttachmentLimits): 'too_large' | 'type_not_allowed' | 'empty' | null {
  if (file.size <= 0) return 'empty';
  if (file.size > limits.maxBytes) return 'too_large';
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  return limits.extensions.includes(extension) ? null : 'type_not_allowed';
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A message someone sent, text or a file (G4), as opposed to a timeline event (B7). */
export const isSentMessage = (entry: { kind: string }) => entry.kind === 'text' || entry.kind === 'file';
