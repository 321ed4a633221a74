import * as React from 'react';
import type { ComposerCannedReply } from '../../../../shared/contracts/canned-replies';
import { fillPlaceholders, type PlaceholderValues } from '../../../../shared/domain/canned-replies';
import { useCannedReplyApi } from '../../api/canned-replies';
import { apiProblem } from '../../api/problem';
import { insertReply, matchCannedReplies, slashTokenAt } from '../state/canned-picker';

export interface CannedReplySource {
  /** The conversation whose visitor's language picks each reply's copy (the server decides). */
  conversationDocumentId: string;
  /** What `{visitor.name}` and `{agent.name}` become on insert. */
  placeholders: PlaceholderValues;
}

interface Options {
  source: CannedReplySource | undefined;
  text: string;
  setText: (text: string) => void;
  area: React.RefObject<HTMLTextAreaElement | null>;
}

type Loaded = { conversation: string; replies: ComposerCannedReply[] } | { conversation: string; error: string };

/**
 * G3: the state of the composer's `/` picker. Typing `/` at the start or after a space opens it;
 * what follows filters it; arrows move, Enter or Tab insert (placeholders filled, the text stays
 * editable), Escape closes it until another `/` word is started. The replies are fetched whenever
 * it opens.
 */
export function useCannedReplyPicker({ source, text, setText, area }: Options) {
  const api = useCannedReplyApi();
  const listboxId = React.useId();
  const [caret, setCaret] = React.useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = React.useState<number | null>(null);
  const [active, setActive] = React.useState(0);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const conversation = source?.conversationDocumentId;

  const token = source && caret !== null ? slashTokenAt(text, caret) : null;
  const open = token !== null && token.start !== dismissedAt;
  const current = loaded && loaded.conversation === conversation ? loaded : null;
  const replies = current && 'replies' in current ? current.replies : [];
  const options = open && token ? matchCannedReplies(replies, token.query) : [];
  const query = token?.query ?? '';

  // A different `/` word (or none) forgets an Escape; a new query starts at the best match.
  const tokenStart = token?.start ?? null;
  React.useEffect(() => {
    if (tokenStart !== dismissedAt) setDismissedAt(null);
  }, [tokenStart, dismissedAt]);
  React.useEffect(() => setActive(0), [query, open]);

  // Fetched each time the picker opens, so replies a manager just added show up; the last list
  // stays on screen meanwhile.
  React.useEffect(() => {
    if (!open || !conversation) return;
    let live = true;
    api
      .forConversation(conversation)
      .then((answer) => live && setLoaded({ conversation, replies: answer.data }))
      .catch((error: unknown) => live && setLoaded({ conversation, error: apiProblem(error).message }));
    return () => {
      live = false;
    };
  }, [open, conversation, api]);

  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const choose = (index: number) => {
    const reply = options[index];
    const element = area.current;
    if (!reply || !token || !source) return;
    const edit = insertReply(text, token, fillPlaceholders(reply.body, source.placeholders));
    setText(edit.text);
    setCaret(edit.caret);
    // The caret goes after the inserted text once React wrote the new value.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(edit.caret, edit.caret);
    });
  };

  /** Handles the picker's keys; true when the key was the picker's (the composer then ignores it). */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const count = options.length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && count > 0) {
      event.preventDefault();
      choose(Math.min(active, count - 1));
      return true;
    }
    if (event.key === 'Escape' && token) {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(token.start);
      return true;
    }
    return false;
  };

  return {
    open,
    query,
    options,
    active: Math.min(active, Math.max(options.length - 1, 0)),
    loading: open && current === null,
    error: current && 'error' in current ? current.error : null,
    listboxId,
    optionId,
    choose,
    onKeyDown,
    /** Call with the textarea's caret whenever it may have moved (typing, clicks, arrow keys). */
    onCaretChange: setCaret,
    /** ARIA for the textarea: it controls the listbox and points at the active option. */
    inputProps: {
      'aria-haspopup': 'listbox' as const,
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listboxId : undefined,
      'aria-activedescendant': open && options.length > 0 ? optionId(Math.min(active, options.length - 1)) : undefined,
    },
  };
}
export type CannedReplyPickerState = ReturnType<typeof useCannedReplyPicker>;
