/**
 * The chat's behaviour (E1–E4, B4, B9): open a visitor session, resume an open conversation or run
 * the page's playbook, then the live chat over Socket.IO. Messages show at once as "sending" and
 * are confirmed by the server's ack; after any reconnect the widget pages through everything after
 * the point its last catch-up reached, so nothing is lost or shown twice.
 */
import { io, type Socket } from 'socket.io-client';
import { catchUp } from '../../../shared/catch-up';
import type { TimelineEntry } from '../../../shared/contracts/conversations';
import type { Awaiting, Display } from '../../../shared/domain/playbook-flow';
import {
  NAMESPACES,
  RECONNECTION,
  SOCKET_PATH,
  type VisitorClientEvents,
  type VisitorConversation,
  type VisitorServerEvents,
  type VisitorSyncPage,
} from '../../../shared/events';
import type { WidgetMessage } from '../contract';
import type { ChatController, MountOptions } from '../mount';
import { HttpError, addStyles, openSession, post } from '../http';
import { format } from '../i18n/languages';
import { backAtText } from './back-at';
import { chatStringsFor } from '../i18n/chat-strings';
import { MessageStore, newClientId, type ChatItem } from './store';
import { CHAT_CSS } from './styles';
import { createAfterClose } from './after-close';
import { createUploads } from './uploads';
import { createView, type FieldProblems } from './view';

/** What POST /live-chat/widget/flow answers (docs/api.md, "Widget API"). */
interface FlowAnswer {
  playbook: { documentId: string; name: string };
  show: Display[];
  awaiting: Awaiting;
  conversationDocumentId: string | null;
  /** G2: the transcript lines this step recorded, which the chat shows here itself. */
  transcript?: string[];
}
type FlowInput =
  | { type: 'start' | 'wait_expired' | 'agent_joined' }
  | { type: 'button'; buttonId: string }
  | { type: 'capture'; values: Record<string, string> };
type Phase = 'starting' | 'flow' | 'waiting' | 'missed' | 'live' | 'closed';

const ACK_TIMEOUT_MS = 10_000;
const TYPING_IDLE_MS = 3_000;
const AGENT_TYPING_TTL_MS = 8_000;
const READ_THROTTLE_MS = 1_000;

export function mountChat({ root, config, emit, requestClose }: MountOptions): ChatController {
  const t = chatStringsFor(config.language);
  const store = new MessageStore();
  addStyles(root, CHAT_CSS);
  // G4: attachment URLs are relative to the Strapi server (its origin and any path it is served under).
  const server = new URL(config.base);
  const view = createView(root, t, { send, retry, attach, typing: visitorTyping, close: requestClose }, `${server.origin}${server.pathname.replace(/\/$/, '')}`);

  let token = '';
  let socket: Socket<VisitorServerEvents, VisitorClientEvents> | null = null;
  let phase: Phase = 'starting';
  let conversationId: string | null = null;
  /** Conversations the visitor left behind (closed, then "new chat"): their sync answers are ignored. */
  const retired = new Set<string>();
  let playbookId = config.playbook;
  let connected = false;
  let isOpen = false;
  let readSent = 0;
  let typingSent = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReadAt = 0;
  /** Counts catch-ups: a reconnect's own replaces one still paging. */
  let syncRun = 0;
  /**
   * G2: client ids of the bot transcript lines this page showed as the flow ran. The conversation's
   * timeline brings them back (live and in `sync`); they are shown once, as the flow showed them.
   * After a reload the set is empty, so the timeline's copy is what the visitor sees.
   */
  const shownByFlow = new Set<string>();
  /**
   * Flow steps in flight, and the transcript lines that arrived meanwhile: a step's lines can reach
   * the socket before the step's own answer names them, so they wait for it.
   */
  let stepsInFlight = 0;
  const heldLines: TimelineEntry[] = [];
  const uploads = createUploads({ base: config.base, language: config.language, t, store, view, token: () => token, stored: (entry) => apply([entry], true) });
  const afterClose = createAfterClose({ base: config.base, t, view, ackTimeoutMs: ACK_TIMEOUT_MS, token: () => token, socket: () => socket });
  /**
   * F3: messages that got no answer (the connection dropped) or whose server was shutting down
   * (`unavailable`): sent again by themselves once connected again, with the same client id.
   */
  const resendOnConnect = new Set<string>();

  const refresh = () => {
    const text = {
      starting: t.connecting,
      flow: '',
      waiting: t.waiting,
      missed: '',
      live: t.online,
      closed: t.closed,
    }[phase];
    view.setStatus(socket && !connected && phase !== 'closed' ? t.reconnecting : text);
    view.setComposer(conversationId !== null && phase !== 'closed' && phase !== 'flow');
  };

  // --- the playbook (A1–A8) ------------------------------------------------------------------

  async function step(input: FlowInput, quiet = false): Promise<FlowAnswer | null> {
    stepsInFlight += 1;
    try {
      const body = { ...(playbookId ? { playbookDocumentId: playbookId } : {}), page: config.page, input };
      const answer = await post<FlowAnswer>(config.base, 'flow', body, token);
      playbookId = answer.playbook.documentId; // later steps continue the same playbook
      for (const clientId of answer.transcript ?? []) shownByFlow.add(clientId);
      show(answer);
      return answer;
    } catch (error) {
      if (error instanceof HttpError && error.status === 400 && input.type === 'capture') throw error;
      if (!quiet) view.addNote(error instanceof HttpError && error.status === 404 ? t.unavailable : t.error);
      return null;
    } finally {
      stepsInFlight -= 1;
      if (stepsInFlight === 0 && heldLines.length > 0) apply(heldLines.splice(0), true);
    }
  }

  function show(answer: FlowAnswer): void {
    for (const item of answer.show) {
      if (item.kind === 'message') view.addBot(item.richText);
      else if (item.kind === 'live_chat_online') view.addBot(item.message);
      else if (item.kind === 'live_chat_offline') {
        view.addBot(item.message);
        // G7: outside business hours, when the team is back, in the visitor's language and time zone.
        if (item.backAt) view.addNote(format(t.backAt, { time: backAtText(item.backAt, config.language) }));
      }
      else if (item.kind === 'question') view.addQuestion(item, async (buttonId) => (await step({ type: 'button', buttonId })) !== null);
      else view.addCapture(item, submitCapture);
    }
    const started = answer.conversationDocumentId;
    if (started && started !== conversationId && !retired.has(started)) {
      conversationId = started;
      emit('conversation:started', { documentId: started });
      connect();
    }
    if (answer.awaiting === 'agent' && phase !== 'live') phase = 'waiting';
    else if (phase === 'starting') phase = 'flow';
    refresh();
  }

  /** A6: the server validates (the shared capture rules); its field errors come back inline. */
  async function submitCapture(values: Record<string, string>): Promise<FieldProblems | null> {
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    try {
      return (await step({ type: 'capture', values: given })) ? null : {};
    } catch (error) {
      const problems: FieldProblems = {};
      const errors = error instanceof HttpError ? (error.body?.error?.details?.errors ?? []) : [];
      for (const { path } of errors) {
        const field = path[0] === 'values' ? path[1] : undefined;
        if (field) problems[field] = values[field] ? 'invalid' : 'required';
      }
      return problems;
    }
  }

  async function startFlow(): Promise<void> {
    phase = 'starting';
    view.setTitle(t.botName);
    refresh();
    if (!(await step({ type: 'start' }))) phase = 'flow';
    refresh();
  }

  function newChat(): void {
    if (conversationId) retired.add(conversationId);
    conversationId = null;
    store.clear();
    uploads.clear();
    view.clear();
    readSent = 0;
    // A catch-up still paging the old chat ends: its next page would be the new chat's, read from the old seq.
    syncRun += 1;
    void startFlow();
  }

  // --- the live chat (E2, E3, B4, B9) --------------------------------------------------------

  function connect(): void {
    if (socket) return;
    const base = new URL(config.base);
    socket = io(`${base.origin}${NAMESPACES.visitor}`, {
      path: `${base.pathname.replace(/\/$/, '')}${SOCKET_PATH}`,
      // A function, so a reconnect after a session refresh sends the current token.
      auth: (cb) => cb({ token }),
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      ...RECONNECTION,
    });
    socket.on('connect', () => {
      connected = true;
      refresh();
      sync();
      for (const clientId of [...resendOnConnect]) {
        resendOnConnect.delete(clientId);
        retry(clientId);
      }
    });
    socket.on('disconnect', () => {
      connected = false;
      refresh();
    });
    socket.on('connect_error', (error) => {
      connected = false;
      refresh();
      // Refused by the server (not a network failure): socket.io will not retry on its own.
      if (socket && !socket.active && error.message === 'unauthorized') void reauthenticate();
    });
    // F3: the server's Redis link was down, so broadcasts may be missing: catch up without reconnecting.
    socket.on('resync', sync);
    socket.on('timeline:entry', (entry) => apply([entry], true));
    socket.on('conversation:updated', applyConversation);
    socket.on('agent:joined', ({ agentName }) => {
      joined(agentName);
      void step({ type: 'agent_joined' }, true); // the flow is over: the chat is live
    });
    socket.on('conversation:offline', ({ offlineMessage }) => void offline(offlineMessage));
    socket.on('typing', ({ typing }) => agentTyping(typing));
    socket.on('read', ({ upToSeq }) => {
      store.markReadByAgent(upToSeq);
      view.syncMessages(store.list());
    });
  }

  async function reauthenticate(): Promise<void> {
    try {
      token = (await openSession(config)).token;
      socket?.connect();
    } catch {
      view.setStatus(t.error);
    }
  }

  /** E2: after every (re)connect, everything the widget may lack, from the database, page by page. */
  function sync(): void {
    const run = ++syncRun;
    const live = socket;
    if (!live) return;
    void catchUp<VisitorSyncPage>(
      (afterSeq) => live.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { afterSeq }),
      store.syncedSeq,
      ({ conversation, entries, nextAfterSeq }) => {
        if (!conversation || retired.has(conversation.documentId)) return false;
        if (conversationId !== null && conversation.documentId !== conversationId) return false;
        apply(entries, true);
        store.synced(nextAfterSeq);
        applyConversation(conversation);
      },
      () => run === syncRun && live.connected,
    );
  }

  function toMessage(item: ChatItem): WidgetMessage {
    return { seq: item.seq ?? 0, author: item.authorKind, authorName: item.authorName, body: item.body ?? '', createdAt: item.createdAt };
  }

  /** Adds entries (each once), tells the host page about new messages, and sends the read receipt. */
  function apply(entries: TimelineEntry[], announce: boolean): void {
    for (const entry of entries) {
      // The server never sends a note (G3); a widget that got one anyway would not show it.
      if (entry.audience === 'agents' || shownByFlow.has(entry.clientId)) continue;
      if (entry.transcript && stepsInFlight > 0) {
        heldLines.push(entry);
        continue;
      }
      const result = store.receive(entry);
      if (result.change === 'duplicate') continue;
      uploads.arrived(entry.clientId);
      if (result.item.authorKind === 'agent') agentTyping(false);
      if (announce && result.item.kind === 'text') emit('message', toMessage(result.item));
    }
    view.syncMessages(store.list());
    markRead();
  }

  function applyConversation(conversation: VisitorConversation): void {
    if (retired.has(conversation.documentId)) return;
    if (conversationId !== null && conversation.documentId !== conversationId) return;
    conversationId = conversation.documentId;
    store.markReadByAgent(conversation.agentReadSeq);
    view.syncMessages(store.list());
    if (conversation.status === 'closed') closed(conversation);
    else if (conversation.agentName) joined(conversation.agentName);
    else if (phase !== 'missed') phase = conversation.missed ? 'missed' : 'waiting';
    refresh();
  }

  /** B4: the agent's name replaces the bot's. */
  function joined(agentName: string): void {
    if (phase === 'closed') return;
    phase = 'live';
    view.setTitle(agentName);
    refresh();
  }

  function closed(conversation: VisitorConversation): void {
    if (phase === 'closed') {
      // Answered in another tab, or CSAT turned off meanwhile: the question goes.
      afterClose.withdraw(conversation);
      return;
    }
    phase = 'closed';
    agentTyping(false);
    refresh();
    const rating = conversation.askRating ? afterClose.askRating(conversation.documentId) : null;
    view.addAction(t.emailTranscript, () => void afterClose.emailTranscript());
    view.addAction(t.newChat, newChat);
    rating?.focus();
  }

  /** B9: nobody took the chat in time: the offline message, then the playbook's offline path (A7). */
  async function offline(offlineMessage: unknown): Promise<void> {
    if (phase === 'closed' || phase === 'live') return;
    phase = 'missed';
    refresh();
    if (!(await step({ type: 'wait_expired' }, true)) && offlineMessage) view.addBot(offlineMessage);
  }

  function send(text: string): void {
    const clientId = newClientId((bytes) => crypto.getRandomValues(bytes));
    if (!store.addPending(clientId, text, new Date())) return;
    view.syncMessages(store.list());
    stopTyping();
    deliver(clientId, text);
  }

  /** The same client id on every attempt: a retry of a message the server already stored returns it, never a copy. */
  function deliver(clientId: string, body: string): void {
    socket?.timeout(ACK_TIMEOUT_MS).emit('message:send', { clientId, body }, (error, ack) => {
      if (!error && ack.ok) apply([ack.data], true);
      else {
        store.fail(clientId);
        if (error || (!ack.ok && ack.error.code === 'unavailable')) resendOnConnect.add(clientId);
      }
      view.syncMessages(store.list());
    });
  }

  function retry(clientId: string): void {
    const item = store.retrying(clientId);
    if (!item) return;
    view.syncMessages(store.list());
    if (!uploads.retry(clientId)) deliver(clientId, item.body ?? '');
  }

  // --- files (G4) ----------------------------------------------------------------------------

  function attach(file: File): void {
    if (conversationId !== null && phase !== 'closed') uploads.attach(file);
  }

  // --- typing and read receipts (E3) ---------------------------------------------------------

  function visitorTyping(): void {
    if (!socket?.connected || !conversationId) return;
    if (!typingSent) socket.emit('typing', { typing: true });
    typingSent = true;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping(): void {
    clearTimeout(typingTimer);
    if (typingSent && socket?.connected) socket.emit('typing', { typing: false });
    typingSent = false;
  }

  function agentTyping(typing: boolean): void {
    clearTimeout(agentTypingTimer);
    view.setTyping(typing ? format(t.typing, { name: phase === 'live' ? view.title() : t.agent }) : null);
    if (typing) agentTypingTimer = setTimeout(() => view.setTyping(null), AGENT_TYPING_TTL_MS);
  }

  /**
   * The visitor has read what is on screen: only while the panel is open and the tab visible, and
   * at most once a second (a burst of agent messages must not spend the visitor's event budget, F4).
   */
  function markRead(): void {
    const last = store.lastIncomingSeq;
    if (!isOpen || document.visibilityState !== 'visible' || !socket?.connected || last <= readSent) return;
    const wait = lastReadAt + READ_THROTTLE_MS - Date.now();
    if (wait > 0) {
      readTimer ??= setTimeout(() => {
        readTimer = undefined;
        markRead();
      }, wait);
      return;
    }
    readSent = last;
    lastReadAt = Date.now();
    socket.emit('read', { seq: last });
  }
  document.addEventListener('visibilitychange', markRead);

  // --- boot ----------------------------------------------------------------------------------

  const ready = (async () => {
    try {
      const session = await openSession<VisitorConversation>(config);
      token = session.token;
      if (session.attachments) uploads.setLimits(session.attachments);
      const current = session.conversation;
      // Issue 16: a closed chat still waiting for its rating is shown again, with the question.
      if (current && (current.status !== 'closed' || current.askRating)) {
        // E4: a returning visitor resumes their open conversation; its history comes with the first sync.
        conversationId = current.documentId;
        applyConversation(current);
        connect();
      } else {
        await startFlow();
      }
    } catch {
      phase = 'flow';
      refresh();
      view.addNote(t.error);
    }
  })();

  refresh();
  return {
    open() {
      isOpen = true;
      view.setOpen(true);
      view.focusInside();
      markRead();
      // Once the first step rendered, move focus to what the visitor can act on (unless they already did).
      void ready.then(() => {
        if (isOpen && view.focusIsIdle()) view.focusInside();
      });
    },
    close() {
      isOpen = false;
      stopTyping();
      view.setOpen(false);
    },
  };
}
