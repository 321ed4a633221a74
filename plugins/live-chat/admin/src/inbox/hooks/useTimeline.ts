import * as React from 'react';
import { catchUp } from '../../../../shared/catch-up';
import type { MessageAudience } from '../../../../shared/constants';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';
import type { AgentServerEvents } from '../../../../shared/events';
import type { InboxApi } from '../../api/inbox';
import { apiProblem } from '../../api/problem';
import { useAgentSocket, useOnAgentSocketConnect } from '../realtime/AgentSocketProvider';
import { emptyTimeline, lastSeqOf, markFailed, markSending, mergeEntries, newClientId, receiptSeqOf, syncedSeqOf, type TimelineState } from '../state/timeline';

const PAGE_SIZE = 50;
const ACK_TIMEOUT_MS = 10_000;
/** Our "typing" ends this long after the last keystroke; the visitor's is dropped if not renewed. */
const TYPING_IDLE_MS = 3_000;
const VISITOR_TYPING_TTL_MS = 6_000;

interface Options {
  /** Only the assignee reads on the visitor's behalf: a colleague glancing at it must not mark it read. */
  isAssignee: boolean;
  visitorReadSeq: number;
}

/**
 * The chat window's timeline (E2, E3, B7): the newest page, older pages on demand, live entries
 * from the socket, a paged `sync` catch-up on every reconnect, outgoing messages with
 * sending / failed + retry (the same clientId, so a retry is never stored twice), typing both ways
 * and read receipts.
 */
export function useTimeline(api: InboxApi, documentId: string, { isAssignee, visitorReadSeq }: Options) {
  const socket = useAgentSocket();
  const [timeline, setTimeline] = React.useState<TimelineState>(emptyTimeline);
  const [hasOlder, setHasOlder] = React.useState(false);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);
  const [visitorTyping, setVisitorTyping] = React.useState(false);
  const [readByVisitor, setReadByVisitor] = React.useState(visitorReadSeq);
  // The chat window is keyed by conversation, so this state never outlives its conversation.
  const loaded = React.useRef(false);
  const latest = React.useRef(timeline);
  latest.current = timeline;

  React.useEffect(() => setReadByVisitor((seq) => Math.max(seq, visitorReadSeq)), [visitorReadSeq]);

  const merge = React.useCallback((entries: readonly TimelineEntry[]) => setTimeline((state) => mergeEntries(state, entries)), []);

  // E2: after any (re)connect, everything after the gap-free run held comes from the database, page
  // by page. A newer connect's catch-up replaces one still paging; leaving the chat ends it.
  const syncRun = React.useRef(0);
  const catchUpOn = React.useCallback(
    (connected: NonNullable<typeof socket>, fromSeq = syncedSeqOf(latest.current)) => {
      const run = ++syncRun.current;
      void catchUp(
        (afterSeq) => connected.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { documentId, afterSeq }),
        fromSeq,
        (page) => merge(page.entries),
        () => run === syncRun.current && connected.connected,
      );
    },
    [documentId, merge],
  );
  const socketRef = React.useRef(socket);
  socketRef.current = socket;

  React.useEffect(() => {
    let live = true;
    loaded.current = false;
    setTimeline(emptyTimeline);
    setLoading(true);
    setError(null);
    api
      .timeline(documentId, { limit: PAGE_SIZE })
      .then((page) => {
        if (!live) return;
        merge(page.data);
        setHasOlder(page.meta.hasMore);
        loaded.current = true;
        // A reconnect while the page loaded skipped its catch-up (nothing was held yet), so what was
        // written between the page's query and the rejoin is fetched now (from the page itself: the
        // state holding it is not rendered yet).
        const connected = socketRef.current;
        if (connected?.connected) catchUpOn(connected, syncedSeqOf(mergeEntries(emptyTimeline, page.data)));
      })
      .catch((e: unknown) => live && setError(apiProblem(e).message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, documentId, merge, catchUpOn]);

  const loadOlder = React.useCallback(async () => {
    const first = latest.current.entries[0];
    if (!first) return;
    const page = await api.timeline(documentId, { beforeSeq: first.seq, limit: PAGE_SIZE });
    merge(page.data);
    setHasOlder(page.meta.hasMore);
  }, [api, documentId, merge]);

  React.useEffect(
    () => () => {
      syncRun.current += 1;
    },
    [documentId],
  );
  useOnAgentSocketConnect((connected) => {
    if (loaded.current) catchUpOn(connected);
  });

  React.useEffect(() => {
    if (!socket) return;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const onEntry: AgentServerEvents['timeline:entry'] = (payload) => {
      if (payload.documentId !== documentId) return;
      merge([payload.entry]);
      if (payload.entry.authorKind === 'visitor') setVisitorTyping(false);
    };
    const onTyping: AgentServerEvents['typing'] = (payload) => {
      if (payload.documentId !== documentId) return;
      clearTimeout(typingTimer);
      setVisitorTyping(payload.typing);
      if (payload.typing) typingTimer = setTimeout(() => setVisitorTyping(false), VISITOR_TYPING_TTL_MS);
    };
    const onRead: AgentServerEvents['read'] = (payload) => {
      if (payload.documentId === documentId) setReadByVisitor((seq) => Math.max(seq, payload.upToSeq));
    };
    socket.on('timeline:entry', onEntry);
    socket.on('typing', onTyping);
    socket.on('read', onRead);
    return () => {
      clearTimeout(typingTimer);
      socket.off('timeline:entry', onEntry);
      socket.off('typing', onTyping);
      socket.off('read', onRead);
    };
  }, [socket, documentId, merge]);

  // E3: the assignee has read what is on screen while the tab is visible.
  const readSent = React.useRef(0);
  React.useEffect(() => {
    readSent.current = 0;
  }, [documentId]);
  const lastSeq = lastSeqOf(timeline);
  React.useEffect(() => {
    if (!socket || !isAssignee) return;
    const sendRead = () => {
      if (document.visibilityState !== 'visible' || !socket.connected || lastSeq <= readSent.current) return;
      readSent.current = lastSeq;
      socket.emit('read', { documentId, seq: lastSeq });
    };
    sendRead();
    document.addEventListener('visibilitychange', sendRead);
    return () => document.removeEventListener('visibilitychange', sendRead);
  }, [socket, documentId, isAssignee, lastSeq]);

  const typingState = React.useRef<{ on: boolean; timer?: ReturnType<typeof setTimeout> }>({ on: false });
  const stopTyping = React.useCallback(() => {
    const typing = typingState.current;
    clearTimeout(typing.timer);
    if (typing.on) socket?.emit('typing', { documentId, typing: false });
    typing.on = false;
  }, [socket, documentId]);
  /** Called on every keystroke: one "typing" when it starts, one "stopped" after a pause. */
  const notifyTyping = React.useCallback(() => {
    const typing = typingState.current;
    if (!typing.on && socket?.connected) {
      socket.emit('typing', { documentId, typing: true });
      typing.on = true;
    }
    clearTimeout(typing.timer);
    typing.timer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }, [socket, documentId, stopTyping]);
  React.useEffect(() => stopTyping, [stopTyping]);

  const deliver = React.useCallback(
    async (clientId: string, body: string, audience: MessageAudience) => {
      setTimeline((state) => markSending(state, clientId, body, audience));
      // G3: a note says so; a reply sends no audience (the default), as before.
      const message = audience === 'agents' ? { clientId, body, audience } : { clientId, body };
      try {
        let entry: TimelineEntry;
        if (socket?.connected) {
          const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { documentId, ...message });
          if (!ack.ok) throw new Error(ack.error.message);
          entry = ack.data;
        } else {
          entry = await api.send(documentId, message);
        }
        merge([entry]);
      } catch (e) {
        setTimeline((state) => markFailed(state, clientId, apiProblem(e).message));
      }
    },
    [socket, api, documentId, merge],
  );

  const send = React.useCallback(
    (body: string, audience: MessageAudience = 'everyone') => {
      // Writing a note is not typing to the visitor: only a reply stops the indicator it started.
      stopTyping();
      void deliver(newClientId(), body, audience);
    },
    [deliver, stopTyping],
  );

  const retry = React.useCallback(
    (clientId: string) => {
      const message = latest.current.pending.find((candidate) => candidate.clientId === clientId);
      if (message) void deliver(clientId, message.body, message.audience);
    },
    [deliver],
  );

  /** G4: uploads a file as a message (HTTP; it also arrives over the socket, merged once by seq). */
  const attach = React.useCallback(
    async (file: File) => {
      merge([await api.uploadAttachment(documentId, newClientId(), file)]);
    },
    [api, documentId, merge],
  );

  const receiptSeq = receiptSeqOf(timeline);
  return { ...timeline, receiptSeq, hasOlder, loading, error, loadOlder, send, retry, attach, notifyTyping, visitorTyping, readByVisitor };
}
