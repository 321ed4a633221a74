import * as React from 'react';
import type { FolderCounts } from '../../../../shared/contracts/conversations';
import type { AgentServerEvents } from '../../../../shared/events';
import type { InboxApi } from '../../api/inbox';
import { apiProblem } from '../../api/problem';
import { useAgentSocket, useOnAgentSocketConnect } from '../realtime/AgentSocketProvider';
import { appendPage, applyEntry, applyRemoved, applyUpsert, markRowRead, type InboxFolder, type ListState } from '../state/conversation-list';

const PAGE_SIZE = 25;
/** Bursts of events (a chat created, joined, messaged) cost one counts request, not one each. */
const COUNTS_DEBOUNCE_MS = 250;

interface FolderListState extends ListState {
  cursor: string | null;
  loading: boolean;
  error: string | null;
}

const initial: FolderListState = { rows: [], hasMore: false, cursor: null, loading: true, error: null };

/**
 * One folder's conversations, newest activity first, paged, searchable, kept live from the agent
 * socket (B1, B3, B5, B8), plus the live counts of every folder. Rows come only from the API and
 * from `conversation:upsert`, and leave on `conversation:removed` (B6).
 */
export function useFolderList(api: InboxApi, folder: InboxFolder, search: string, agentId: number, selected?: string) {
  const socket = useAgentSocket();
  const [state, setState] = React.useState<FolderListState>(initial);
  const [counts, setCounts] = React.useState<FolderCounts | null>(null);
  // Answers of a query the agent has since changed (another folder, a new search) are dropped.
  const generation = React.useRef(0);

  const load = React.useCallback(async () => {
    const current = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const page = await api.list({ folder, search, limit: PAGE_SIZE });
      if (current !== generation.current) return;
      setState({ ...appendPage({ rows: [], hasMore: false }, page.data, page.meta.nextCursor !== null), cursor: page.meta.nextCursor, loading: false, error: null });
      if (page.meta.counts) setCounts(page.meta.counts);
    } catch (error) {
      if (current === generation.current) setState((previous) => ({ ...previous, loading: false, error: apiProblem(error).message }));
    }
  }, [api, folder, search]);

  const loadMore = React.useCallback(async () => {
    const { cursor } = state;
    if (!cursor) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const page = await api.list({ folder, search, cursor, limit: PAGE_SIZE });
      if (current !== generation.current) return;
      setState((previous) => ({
        ...appendPage(previous, page.data, page.meta.nextCursor !== null),
        cursor: page.meta.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (current === generation.current) setState((previous) => ({ ...previous, loading: false, error: apiProblem(error).message }));
    }
  }, [api, folder, search, state]);

  React.useEffect(() => {
    setState(initial);
    void load();
  }, [load]);

  const countsTimer = React.useRef<ReturnType<typeof setTimeout>>();
  const refreshCounts = React.useCallback(() => {
    clearTimeout(countsTimer.current);
    countsTimer.current = setTimeout(() => {
      api
        .list({ folder, limit: 1 })
        .then((page) => page.meta.counts && setCounts(page.meta.counts))
        .catch(() => undefined); // the next event or reconnect tries again
    }, COUNTS_DEBOUNCE_MS);
  }, [api, folder]);
  React.useEffect(() => () => clearTimeout(countsTimer.current), []);

  // A reconnect may have missed upserts and removals: the first page and counts are reloaded.
  const connects = React.useRef(0);
  useOnAgentSocketConnect(() => {
    connects.current += 1;
    if (connects.current > 1) void load();
  });

  React.useEffect(() => {
    if (!socket) return;
    const onUpsert: AgentServerEvents['conversation:upsert'] = (conversation) => {
      // The server's search (names, emails) cannot be repeated here: a searched list is reloaded.
      if (search) void load();
      else setState((previous) => ({ ...previous, ...applyUpsert(previous, conversation, folder, agentId) }));
      refreshCounts();
    };
    const onRemoved: AgentServerEvents['conversation:removed'] = ({ documentId }) => {
      setState((previous) => ({ ...previous, ...applyRemoved(previous, documentId) }));
      refreshCounts();
    };
    const onEntry: AgentServerEvents['timeline:entry'] = ({ documentId, entry }) => {
      setState((previous) => ({ ...previous, ...applyEntry(previous, documentId, entry) }));
    };
    socket.on('conversation:upsert', onUpsert);
    socket.on('conversation:removed', onRemoved);
    socket.on('timeline:entry', onEntry);
    return () => {
      socket.off('conversation:upsert', onUpsert);
      socket.off('conversation:removed', onRemoved);
      socket.off('timeline:entry', onEntry);
    };
  }, [socket, folder, search, agentId, load, refreshCounts]);

  // The open chat is being read (the chat window sends the read receipt): its row shows no unread count.
  React.useEffect(() => {
    if (!selected) return;
    setState((previous) => {
      const next = markRowRead(previous, selected);
      return next === previous ? previous : { ...previous, ...next };
    });
  }, [selected, state.rows]);

  return { ...state, counts, loadMore, reload: load };
}
