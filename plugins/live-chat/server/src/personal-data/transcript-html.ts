import { chatMessageBlocks } from '../../../shared/domain/rich-text-markup';
import { escapeHtml, renderRichTextToHtml } from '../../../shared/domain/rich-text';
import type { ExportedConversation, ExportedEntry, PersonalDataExport } from './export-document';

const text = (value: unknown) => escapeHtml(value === null || value === undefined ? '' : String(value));

/** An entry's content: chat markup through the rich-text allow-list (A4), events and files as text. */
function entryHtml(entry: ExportedEntry): string {
  if (entry.kind === 'event' && entry.event) {
    const details = Object.entries(entry.event.data ?? {})
      .filter(([, value]) => value !== null && value !== '')
      .map(([key, value]) => `${text(key)}: ${text(value)}`)
      .join(', ');
    return `<p class="event">${text(entry.event.type.replace(/_/g, ' '))}${details ? ` (${details})` : ''}</p>`;
  }
  if (entry.kind === 'file' && entry.attachment) {
    const name = text(entry.attachment.name ?? 'file removed');
    // Relative to the archive; encodeURI keeps the path's slashes and escapes the rest.
    return entry.file ? `<p class="file"><a href="${text(encodeURI(entry.file))}">${name}</a></p>` : `<p class="file">${name}</p>`;
  }
  return renderRichTextToHtml(chatMessageBlocks(entry.body ?? ''));
}

function conversationHtml(conversation: ExportedConversation): string {
  const rows = conversation.timeline
    .map(
      (entry) => `<li class="${entry.internal ? 'internal' : ''}"><div class="meta"><time datetime="${text(entry.createdAt)}">${text(entry.createdAt)}</time> · ${text(entry.authorName ?? entry.authorKind)}${entry.internal ? ' · internal note' : ''}</div>${entryHtml(entry)}</li>`,
    )
    .join('\n');
  const rating = conversation.rating
    ? `<p>Rating: ${text(conversation.rating.rating)}/5${conversation.rating.comment ? ` — ${text(conversation.rating.comment)}` : ''}</p>`
    : '';
  return `<section><h2>Conversation ${text(conversation.documentId)}</h2>
<p>Started ${text(conversation.createdAt)}${conversation.closedAt ? `, closed ${text(conversation.closedAt)}` : ''}${conversation.assignee ? `, agent ${text(conversation.assignee)}` : ''}</p>
${rating}<ol>${rows}</ol></section>`;
}

/**
 * F5: the human-readable transcript of an export. Every text is escaped and message markup goes
 * through the rich-text allow-list; a CSP forbids scripts should anything slip through.
 */
export function transcriptHtml(document: PersonalDataExport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">
<title>Conversations transcript</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}ol{list-style:none;padding:0}li{margin:.75rem 0}.meta{color:#666;font-size:.85em}.internal{background:#fff8e1}.event{font-style:italic}</style>
</head><body>
<h1>Conversations transcript</h1>
<p>Exported ${text(document.exportedAt)}. Internal notes (highlighted) are the company's own records about this person.</p>
${document.conversations.map(conversationHtml).join('\n')}
</body></html>
`;
}
