/**
 * The composer's formatting buttons as pure text edits on the markup the chat uses (the same
 * markup as the playbook editor, shared/domain/rich-text-markup.ts): `**bold**`, `_italic_`,
 * `[text](https://…)` and `- ` list lines. Each returns the new text and the selection to restore.
 */
export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

export type MarkupCommand = 'bold' | 'italic' | 'link' | 'list';

const WRAPPERS = { bold: ['**', '**'], italic: ['_', '_'] } as const;
const LINK_PLACEHOLDER = 'https://';

/** Applies a formatting command to `text` with the selection [start, end). */
export function applyMarkup(command: MarkupCommand, text: string, start: number, end: number): TextEdit {
  const selected = text.slice(start, end);
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (command === 'bold' || command === 'italic') {
    const [open, close] = WRAPPERS[command];
    return { text: `${before}${open}${selected}${close}${after}`, selectionStart: start + open.length, selectionEnd: end + open.length };
  }
  if (command === 'link') {
    const label = selected || 'link';
    const urlStart = start + label.length + 3; // "[" + label + "]("
    return {
      text: `${before}[${label}](${LINK_PLACEHOLDER})${after}`,
      selectionStart: urlStart,
      selectionEnd: urlStart + LINK_PLACEHOLDER.length,
    };
  }
  // A bulleted list: every selected line (or the current one) starts with "- ".
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', end);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const listed = lines.map((line) => (/^[-*]\s/.test(line) ? line : `- ${line}`)).join('\n');
  const added = listed.length - (lineEnd - lineStart);
  return {
    text: `${text.slice(0, lineStart)}${listed}${text.slice(lineEnd)}`,
    selectionStart: start + (lines[0] !== undefined && /^[-*]\s/.test(lines[0]) ? 0 : 2),
    selectionEnd: end + added,
  };
}
