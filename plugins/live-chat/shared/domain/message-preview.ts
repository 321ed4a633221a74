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
