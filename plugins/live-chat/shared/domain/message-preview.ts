import { richTextToPlainText } from './rich-text';
import { markupToRichText } from './rich-text-markup';

/** How much of the newest message a conversation keeps for the inbox list. */
export const PREVIEW_LENGTH = 200;

/**
 * Issue 14: a message as one line of plain text for list rows: its markup (A4) reduced to the
 * words, whitespace collapsed, cut to PREVIEW_LENGTH. Stored by the server, so no client (nor a
 * webhook) ever sees `**` or `[text](url)` in a preview.
 */
export function messagePreview(body: string): string {
  const text = richTextToPlainText(markupToRichText(body)).replace(/\s+/g, ' ').trim();
  return [...text].slice(0, PREVIEW_LENGTH).join('');
}

/** The parts of a timeline entry its preview depends on. */
export interface PreviewSubject {
  kind: string;
  body: string | null | undefined;
  audience?: string | null;
  attachment?: { name: string | null } | null;
}

/**
 * What a timeline entry makes the list preview, or null when it leaves the preview as it was: public
 * text by its words, a file (G4) by its name; never a note (G3), an event, or a removed file.
 */
export function entryPreview(entry: PreviewSubject): string | null {
  if (entry.audience === 'agents') return null;
  if (entry.kind === 'text' && entry.body) return messagePreview(entry.body);
  if (entry.kind === 'file' && entry.attachment?.name) return messagePreview(entry.attachment.name);
  return null;
}
