/**
 * The chat panel's DOM (E1, E3): a labelled dialog with a message log (role=log, polite), a typing
 * line and a composer. It knows nothing of sockets or HTTP; the controller drives it.
 */
import type { Display } from '../../../shared/domain/playbook-flow';
import { format } from '../i18n/languages';
import type { ChatStrings } from '../i18n/strings';
import { ATTACH_PATH, CLOSE_PATH, SEND_PATH, el, icon } from './dom';
import { messageBodyToDom, richTextToDom } from './rich-text-dom';
import type { ChatItem } from './store';

type CaptureItem = Extract<Display, { kind: 'capture' }>;
type QuestionItem = Extract<Display, { kind: 'question' }>;
/** Field → whether it was left empty (the message differs) for each field the server refused. */
export type FieldProblems = Partial<Record<string, 'required' | 'invalid'>>;

const FIELD_INPUT: Record<string, { type: string; autocomplete: string }> = {
  name: { type: 'text', autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', autocomplete: 'tel' },
  organization: { type: 'text', autocomplete: 'organization' },
};

export interface ViewHandlers {
  send: (text: string) => void;
  retry: (clientId: string) => void;
  /** G4: the visitor chose a file to send. */
  attach: (file: File) => void;
  typing: () => void;
  close: () => void;
}

/**
 * G4: a file in the chat: an image's thumbnail linking to the image, any other file as a download
 * link; "file removed" once erased. URLs are the Strapi server's (`serverOrigin`), not the page's.
 */
function attachmentToDom(attachment: NonNullable<ChatItem['attachment']>, serverOrigin: string, t: ChatStrings): Node {
  if (!attachment.url) return el('em', {}, t.fileRemoved);
  const name = attachment.name ?? '';
  const href = `${serverOrigin}${attachment.url}`;
  if (attachment.thumbnailUrl && attachment.mime.startsWith('image/')) {
    const image = el('img', { src: `${serverOrigin}${attachment.thumbnailUrl}`, alt: name, loading: 'lazy' });
    return el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'file' }, image);
  }
  return el('a', { href, download: name, rel: 'noopener noreferrer', class: 'file' }, name);
}

export function createView(root: ShadowRoot, t: ChatStrings, on: ViewHandlers, serverOrigin = '') {
  const title = el('h2', { class: 'title', id: 'lc-title' }, t.botName);
  const avatar = el('span', { class: 'avatar', 'aria-hidden': 'true' }, t.botName.charAt(0));
  const status = el('p', { class: 'status' });
  const closeButton = el('button', { type: 'button', class: 'icon', 'aria-label': t.close }, icon(CLOSE_PATH));
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.messagesLabel, tabindex: '0' });
  const typing = el('p', { class: 'typing', 'aria-live': 'polite' });
  const input = el('textarea', { id: 'lc-input', rows: '1', placeholder: t.composerPlaceholder, disabled: '' });
  const sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': t.send, disabled: '' }, icon(SEND_PATH));
  // G4: a real button (keyboard and screen readers) opens the hidden file input's picker.
  const fileInput = el('input', { type: 'file', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
  const attachButton = el('button', { type: 'button', class: 'icon attach', 'aria-label': t.attachFile, title: t.attachFile, disabled: '', hidden: '' }, icon(ATTACH_PATH));
  const composer = el('form', { class: 'composer' }, el('label', { class: 'sr', for: 'lc-input' }, t.composerLabel), fileInput, attachButton, input, sendButton);
  const panel = el(
    'section',
    { class: 'panel', id: 'lc-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'lc-title', hidden: '' },
    el('header', { class: 'head' }, avatar, el('div', { class: 'who' }, title, status), closeButton),
    log,
    typing,
    composer,
  );
  root.appendChild(panel);

  /** G4: whether the app accepts any file at all (its allow-list may be empty). */
  let attachable = true;

  /** Message elements by key (own messages by client id, others by seq), so each shows once. */
  const rows = new Map<string, HTMLElement>();
  const keyOf = (item: ChatItem) => (item.authorKind === 'visitor' ? `own:${item.clientId}` : `seq:${String(item.seq)}`);

  const submit = () => {
    const text = input.value.trim();
    if (!text || input.disabled) return;
    input.value = '';
    on.send(text);
  };
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => on.typing());
  closeButton.addEventListener('click', () => on.close());
  attachButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = ''; // the same file may be chosen again later
    if (file && !attachButton.disabled) on.attach(file);
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      on.close();
    }
  });

  /** Keeps the newest entry in view, unless the visitor scrolled up to read. */
  const append = (node: HTMLElement, before: Node | null = null) => {
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    log.insertBefore(node, before);
    if (atBottom || !before) log.scrollTop = log.scrollHeight;
    return node;
  };

  const botRow = (content: Node) => el('div', { class: 'row bot' }, el('span', { class: 'sr' }, `${t.botName}:`), el('div', { class: 'bubble' }, content));

  function systemText(item: ChatItem): string | null {
    const name = (value: unknown) => (typeof value === 'string' && value ? value : t.agent);
    switch (item.event?.type) {
      case 'agent_joined':
        return format(t.agentJoined, { name: name(item.event.data.agentName) });
      case 'reassigned':
        return format(t.reassigned, { name: name(item.event.data.toAgentName) });
      case 'closed':
        return t.closed;
      default:
        return null;
    }
  }

  /** G2: a line of the bot part of the chat, as the server recorded it (after a reload). */
  function bodyOf(item: ChatItem): Node | null {
    const detail = item.transcript;
    if (detail?.type === 'capture_values') {
      // The visitor's own answers, with the widget's labels; plain text, never markup.
      const lines = detail.values.map(({ field, value }) => el('div', {}, `${t[`field_${field}` as keyof ChatStrings] ?? field}: ${value}`));
      return el('div', {}, ...lines);
    }
    if (detail && !item.body) return null;
    // G4: a file still on its way: its name, until the stored entry (with its link) replaces the row.
    if (item.kind === 'file' && item.seq === null) return el('em', {}, `${t.sendingFile} ${item.body ?? ''}`);
    // G4: a file shows as its thumbnail or a download link.
    if (item.attachment) return attachmentToDom(item.attachment, serverOrigin, t);
    return messageBodyToDom(item.body ?? '');
  }

  function messageRow(item: ChatItem): HTMLElement | null {
    if (item.kind === 'event') {
      const text = systemText(item);
      return text ? el('p', { class: 'system' }, text) : null;
    }
    const body = bodyOf(item);
    if (!body) return null;
    // The bot's lines look as they did while the playbook ran.
    if (item.transcript && item.authorKind === 'bot') return botRow(body);
    if (item.authorKind === 'visitor') {
      const row = el('div', { class: 'row me' }, el('span', { class: 'sr' }, `${t.you}:`), el('div', { class: 'bubble' }, body));
      row.appendChild(el('div', { class: 'meta' }));
      if (item.kind === 'file' && item.seq === null) row.dataset.pendingFile = '';
      return row;
    }
    const author = item.authorName || (item.authorKind === 'agent' ? t.agent : t.botName);
    return el('div', { class: 'row them' }, el('div', { class: 'author' }, author), el('div', { class: 'bubble' }, body));
  }

  function updateStatus(row: HTMLElement, item: ChatItem) {
    const meta = row.querySelector('.meta');
    if (!meta || !item.status) return;
    row.dataset.status = item.status;
    if (item.seq !== null) row.dataset.seq = String(item.seq);
    row.classList.toggle('failed', item.status === 'failed');
    meta.replaceChildren(el('span', {}, t[item.status === 'failed' ? 'failed' : item.status]));
    if (item.status === 'failed') {
      const retry = el('button', { type: 'button', class: 'link' }, t.retry);
      retry.addEventListener('click', () => on.retry(item.clientId));
      meta.appendChild(retry);
    }
  }

  return {
    panel,
    setOpen(open: boolean) {
      panel.hidden = !open;
    },
    /** B4: the bot's name until an agent joins, then the agent's. */
    title: () => title.textContent ?? '',
    /** True when focus sits nowhere in the panel or only on its close button. */
    focusIsIdle: () => root.activeElement === null || root.activeElement === closeButton,
    setTitle(name: string) {
      title.textContent = name;
      avatar.textContent = name.charAt(0).toUpperCase();
    },
    setStatus(text: string) {
      status.textContent = text;
    },
    setTyping(text: string | null) {
      typing.textContent = text ?? '';
    },
    setComposer(enabled: boolean) {
      input.disabled = !enabled;
      sendButton.disabled = !enabled;
      attachButton.disabled = !enabled || !attachable;
      attachButton.hidden = !enabled || !attachable;
    },
    /** G4: the picker offers the extensions the server accepts; none hides the paperclip. */
    setAttachable(extensions: readonly string[]) {
      attachable = extensions.length > 0;
      fileInput.setAttribute('accept', extensions.map((extension) => `.${extension}`).join(','));
      if (!attachable) attachButton.disabled = attachButton.hidden = true;
    },
    /** Focus into the panel on open: the composer when it is usable, else the newest control. */
    focusInside() {
      const controls = log.querySelectorAll<HTMLElement>('button:not(:disabled),input:not(:disabled)');
      const target = !input.disabled ? input : (controls[controls.length - 1] ?? closeButton);
      target.focus();
    },
    clear() {
      log.replaceChildren();
      rows.clear();
    },
    addBot(richText: unknown) {
      append(botRow(richTextToDom(richText)));
    },
    /** G4: a refused file's row goes (the controller shows the server's reason as a note). */
    drop(clientId: string) {
      rows.get(`own:${clientId}`)?.remove();
      rows.delete(`own:${clientId}`);
    },
    addNote(text: string) {
      append(el('p', { class: 'system' }, text));
    },
    /** A reply button: the choice shows as the visitor's answer; false from `choose` re-enables them. */
    addQuestion(item: QuestionItem, choose: (buttonId: string, label: string) => Promise<boolean>) {
      if (item.prompt.length) append(botRow(richTextToDom(item.prompt)));
      const group = el('div', { class: 'choices', role: 'group' });
      const buttons = item.buttons.map((b) => {
        const button = el('button', { type: 'button', class: 'choice', 'aria-pressed': 'false' }, b.label);
        button.addEventListener('click', async () => {
          buttons.forEach((other) => (other.disabled = true));
          button.setAttribute('aria-pressed', 'true');
          if (!(await choose(b.id, b.label))) {
            buttons.forEach((other) => (other.disabled = false));
            button.setAttribute('aria-pressed', 'false');
          }
        });
        return button;
      });
      group.append(...buttons);
      append(group);
      if (root.activeElement !== input) buttons[0]?.focus();
    },
    /** A capture card (A6): labelled inputs, errors inline under each field; `submit` answers the refused fields. */
    addCapture(item: CaptureItem, submit: (values: Record<string, string>) => Promise<FieldProblems | null>) {
      if (item.prompt.length) append(botRow(richTextToDom(item.prompt)));
      const fieldset = el('fieldset');
      const inputs = new Map<string, { input: HTMLInputElement; error: HTMLElement }>();
      const formId = `lc-form-${Math.random().toString(36).slice(2, 8)}`;
      for (const field of item.fields) {
        const spec = FIELD_INPUT[field] ?? { type: 'text', autocomplete: 'off' };
        const id = `${formId}-${field}`;
        const required = item.required.includes(field);
        const label = el('label', { for: id }, t[`field_${field}` as keyof ChatStrings] ?? field);
        if (required) label.append(' ', el('span', { class: 'req' }, t.requiredMark));
        const input = el('input', { id, name: field, type: spec.type, autocomplete: spec.autocomplete, 'aria-describedby': `${id}-error` });
        if (required) input.setAttribute('aria-required', 'true');
        const error = el('p', { class: 'error', id: `${id}-error` });
        inputs.set(field, { input, error });
        fieldset.appendChild(el('div', { class: 'field' }, label, input, error));
      }
      const button = el('button', { type: 'submit', class: 'primary' }, t.submit);
      fieldset.appendChild(button);
      // Errors are shown by the widget, not by the browser's own bubbles (they are not translated here).
      const form = el('form', { class: 'form', novalidate: '' }, fieldset);
      const show = (problems: FieldProblems) => {
        let first: HTMLInputElement | null = null;
        for (const [field, { input, error }] of inputs) {
          const problem = problems[field];
          const message = !problem ? '' : problem === 'required' ? t.errorRequired : field === 'email' ? t.errorEmail : field === 'phone' ? t.errorPhone : t.errorText;
          error.textContent = message;
          input.setAttribute('aria-invalid', String(Boolean(problem)));
          if (problem && !first) first = input;
        }
        (first as HTMLInputElement | null)?.focus();
      };
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const values: Record<string, string> = {};
        const problems: FieldProblems = {};
        for (const [field, { input }] of inputs) {
          values[field] = input.value.trim();
          if (!values[field] && item.required.includes(field)) problems[field] = 'required';
        }
        if (Object.keys(problems).length) return show(problems);
        fieldset.disabled = true;
        const refused = await submit(values);
        if (refused) {
          fieldset.disabled = false;
          show(refused);
        } else {
          show({});
        }
      });
      append(form);
      if (root.activeElement !== input) inputs.values().next().value?.input.focus();
    },
    /**
     * Issue 16 (G6): "How was your chat?": five stars as a radio group (arrow keys choose, labels
     * read "4 out of 5"), an optional comment and Send, or "No thanks". `submit` answers whether the
     * rating was stored; `dismiss` whether the question is gone for good. The comment is sent as typed.
     */
    addRating(submit: (score: number, comment: string) => Promise<boolean>, dismiss: () => Promise<boolean>) {
      const formId = `lc-rate-${Math.random().toString(36).slice(2, 8)}`;
      const stars = el('fieldset', { class: 'stars' }, el('legend', {}, t.ratePrompt));
      const labels: HTMLLabelElement[] = [];
      let score = 0;
      for (let value = 1; value <= 5; value += 1) {
        const radio = el('input', { type: 'radio', name: formId, value: String(value), class: 'sr' });
        const label = el('label', { class: 'star' }, radio, el('span', { 'aria-hidden': 'true' }, '★'), el('span', { class: 'sr' }, format(t.rateScore, { score: String(value) })));
        radio.addEventListener('change', () => {
          score = value;
          labels.forEach((other, index) => other.classList.toggle('on', index < value));
          send.disabled = false;
        });
        labels.push(label);
        stars.appendChild(label);
      }
      const comment = el('textarea', { id: `${formId}-comment`, rows: '2', maxlength: '1000' });
      const send = el('button', { type: 'submit', class: 'primary', disabled: '' }, t.rateSubmit);
      const noThanks = el('button', { type: 'button', class: 'choice' }, t.rateDismiss);
      const problem = el('p', { class: 'error', role: 'alert' });
      const fieldset = el(
        'fieldset',
        {},
        stars,
        el('div', { class: 'field' }, el('label', { for: comment.id }, t.rateComment), comment),
        el('div', { class: 'choices' }, send, noThanks),
        problem,
      );
      const form = el('form', { class: 'form rating', novalidate: '' }, fieldset);
      const attempt = async (run: () => Promise<boolean>, done: () => void) => {
        fieldset.disabled = true;
        problem.textContent = '';
        if (await run()) return done();
        fieldset.disabled = false;
        problem.textContent = t.error;
      };
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (score === 0) return;
        void attempt(
          () => submit(score, comment.value),
          () => form.replaceWith(el('p', { class: 'system', role: 'status' }, t.rateThanks)),
        );
      });
      noThanks.addEventListener('click', () => void attempt(dismiss, () => form.remove()));
      append(form);
      return {
        /** The question went away elsewhere (answered in another tab, CSAT turned off). */
        remove: () => form.remove(),
        focus: () => labels[0]?.querySelector('input')?.focus(),
      };
    },
    addAction(label: string, action: () => void) {
      const button = el('button', { type: 'button', class: 'primary' }, label);
      button.addEventListener('click', () => {
        button.remove();
        action();
      });
      append(el('div', { class: 'choices' }, button));
      if (root.activeElement === input || root.activeElement === null) button.focus();
    },
    /** Shows the store's messages: new ones in place (by seq among messages), known ones updated. */
    syncMessages(items: readonly ChatItem[]) {
      for (let i = 0; i < items.length; i += 1) {
        const item = items[i] as ChatItem;
        const key = keyOf(item);
        let row = rows.get(key);
        // G4: a pending file's row is rebuilt once the server stored the file (its link or thumbnail).
        if (row && row.dataset.pendingFile !== undefined && item.seq !== null) {
          const stored = messageRow(item);
          if (stored) {
            row.replaceWith(stored);
            rows.set(key, stored);
            row = stored;
          }
        }
        if (!row) {
          const created = messageRow(item);
          if (!created) continue;
          row = created;
          rows.set(key, row);
          append(row, nextRow(items, i));
        } else {
          const next = nextRow(items, i);
          if (next && next.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) log.insertBefore(row, next);
        }
        updateStatus(row, item);
      }
    },
  };

  /** The element of the first later item already on screen: a new entry goes right before it. */
  function nextRow(items: readonly ChatItem[], index: number): HTMLElement | null {
    for (let j = index + 1; j < items.length; j += 1) {
      const row = rows.get(keyOf(items[j] as ChatItem));
      if (row) return row;
    }
    return null;
  }
}

export type View = ReturnType<typeof createView>;
