/**
 * G8: the plugin's emails as subject, HTML and plain text. Message bodies go through the same
 * rich-text allow-list as the widget and the inbox (A4); every other value is escaped; entries a
 * visitor may not receive (notes, internal events) never reach an email (G3). Pure: the clock,
 * the language and the link are parameters.
 */
import { isSentMessage } from './attachments';
import { receivableBy, type AudienceSubject } from './audience';
import type { EmailKind } from './email';
import { EMAIL_STRINGS, type EmailLanguage, type EmailStrings } from './email-strings';
import { escapeHtml, renderRichTextToHtml, richTextToPlainText } from './rich-text';
import { chatMessageBlocks } from './rich-text-markup';

export interface EmailEntry extends AudienceSubject {
  seq: number;
  authorKind: 'visitor' | 'agent' | 'bot' | 'system';
  authorName: string | null;
  body: string | null;
  attachment: { name?: string | null } | null;
  createdAt: Date;
}

export interface EmailInput {
  kind: EmailKind;
  language: EmailLanguage;
  /** The visitor's IANA time zone for the times shown; UTC when unknown or invalid. */
  timeZone: string | null;
  visitor: { name: string | null; email: string | null };
  entries: readonly EmailEntry[];
  /** Follow-ups: the signed link that reopens the chat. */
  link?: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** One header line: no line breaks (header injection) and a sane length. */
const headerText = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 200);

/** The entries an email to anyone outside the inbox may show: messages the visitor may receive. */
export const emailEntries = <E extends EmailEntry>(entries: readonly E[]): E[] => receivableBy(entries, { kind: 'visitor' }).filter(isSentMessage);

function formatTime(date: Date, language: EmailLanguage, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: timeZone ?? 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
  }
}

function authorOf(entry: EmailEntry, input: EmailInput, t: EmailStrings): string {
  switch (entry.authorKind) {
    case 'visitor':
      return input.kind === 'missed' ? (input.visitor.name ?? t.visitor) : t.you;
    case 'bot':
      return entry.authorName ?? t.assistant;
    case 'agent':
      return entry.authorName ?? t.agent;
    default:
      return entry.authorName ?? '';
  }
}

interface Line {
  author: string;
  time: string;
  html: string;
  text: string;
}

function lineOf(entry: EmailEntry, input: EmailInput, t: EmailStrings): Line {
  const author = authorOf(entry, input, t);
  const time = formatTime(entry.createdAt, input.language, input.timeZone);
  if (entry.kind === 'file') {
    const label = fill(t.file, { name: entry.attachment?.name ?? '' });
    return { author, time, html: `<p>${escapeHtml(label)}</p>`, text: label };
  }
  const blocks = chatMessageBlocks(entry.body ?? '');
  return { author, time, html: renderRichTextToHtml(blocks), text: richTextToPlainText(blocks) };
}

function subjectOf(input: EmailInput, t: EmailStrings): string {
  if (input.kind === 'transcript') return t.transcriptSubject;
  if (input.kind === 'followup') return t.followUpSubject;
  return fill(t.missedSubject, { name: input.visitor.name ?? input.visitor.email ?? t.visitor });
}

function introOf(input: EmailInput, t: EmailStrings): string {
  if (input.kind === 'transcript') return t.transcriptIntro;
  if (input.kind === 'followup') return t.followUpIntro;
  return fill(t.missedIntro, { name: input.visitor.name ?? t.visitor, email: input.visitor.email ?? '' });
}

/** Only an http(s) link goes into an email. */
const safeLink = (link: string | null | undefined): string | null => (link && /^https?:\/\//i.test(link) ? link : null);

/** Renders one email. */
export function renderEmail(input: EmailInput): RenderedEmail {
  const t = EMAIL_STRINGS[input.language];
  const lines = emailEntries(input.entries).map((entry) => lineOf(entry, input, t));
  const subject = headerText(subjectOf(input, t));
  const intro = introOf(input, t);
  const link = safeLink(input.link);

  const htmlLines = lines
    .map(
      (line) =>
        `<tr><td style="padding:8px 0;border-bottom:1px solid #eee">` +
        `<div style="color:#666;font-size:12px"><strong>${escapeHtml(line.author)}</strong> · ${escapeHtml(line.time)}</div>` +
        `<div>${line.html}</div></td></tr>`,
    )
    .join('');
  const action = link
    ? `<p><a href="${escapeHtml(link)}" rel="noopener noreferrer" style="display:inline-block;padding:10px 16px;background:#4945ff;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.followUpAction)}</a></p>` +
      `<p style="color:#666;font-size:12px">${escapeHtml(t.followUpLinkNote)}</p>`
    : '';
  const html =
    `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;color:#222;max-width:600px">` +
    `<p>${escapeHtml(intro)}</p><table role="presentation" style="width:100%;border-collapse:collapse">${htmlLines}</table>` +
    `${action}<p style="color:#999;font-size:12px">${escapeHtml(t.footer)}</p></body></html>`;

  const textLines = lines.map((line) => `${line.author} (${line.time}):\n${line.text}`).join('\n\n');
  const textAction = link ? `\n\n${t.followUpAction}: ${link}\n${t.followUpLinkNote}` : '';
  const text = `${intro}\n\n${textLines}${textAction}\n\n-- \n${t.footer}\n`;
  return { subject, html, text };
}
