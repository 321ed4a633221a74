import type { ConversationSummary, TimelineEntry } from '../../../plugins/live-chat/shared/contracts/conversations';
import {
  appendPage,
  applyEntry,
  applyRemoved,
  applyUpsert,
  belongsTo,
  folderOf,
  foldersFor,
  isInboxFolder,
  markRowRead,
  type ListState,
} from '../../../plugins/live-chat/admin/src/inbox/state/conversation-list';
import { applyMarkup } from '../../../plugins/live-chat/admin/src/inbox/state/composer-markup';
import { emptyTimeline, lastSeqOf, markFailed, markSending, mergeEntries, newClientId, receiptSeqOf, syncedSeqOf } from '../../../plugins/live-chat/admin/src/inbox/state/timeline';
import { markupToRichText } from '../../../plugins/live-chat/shared/domain/rich-text-markup';
import { messageInputSchema } from '../../../plugins/live-chat/shared/domain/messaging';

/** The inbox's list and timeline rules (B1, B3, B5, B6, B8, E2), without a browser. */
const ME = 7;
const OTHER = 8;

function summary(documentId: string, minutesAgo: number, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  const at = new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000).toISOString();
  return {
    documentId,
    status: 'unassigned',
    assignee: null,
    visitor: { name: documentId, email: null },
    createdAt: at,
    assignedAt: null,
    closedAt: null,
    waitDeadlineAt: null,
    missedAt: null,
    lastActivityAt: at,
    lastMessageSeq: 1,
    lastMessagePreview: null,
    displayName: documentId,
    visitorNumber: null,
    page: null,
    rating: null,
    unreadCount: 0,
    ...patch,
  };
}

function entry(seq: number, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    seq,
    clientId: `client-${seq}-xxxx`,
    kind: 'text',
    authorKind: 'visitor',
    authorName: 'V',
    body: `message ${seq}`,
    event: null,
    audience: 'everyone',
    transcript: null,
    attachment: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 13, seq)).toISOString(),
    ...patch,
  };
}

const ids = (state: ListState) => state.rows.map((row) => row.documentId);
const list = (...rows: ConversationSummary[]): ListState => appendPage({ rows: [], hasMore: false }, rows, false);

describe('folderOf mirrors the server folders', () => {
  it('puts a conversation in the folder its status and assignee say', () => {
    expect(folderOf(summary('a', 0), ME)).toBe('unassigned');
    expect(folderOf(summary('a', 0, { status: 'assigned', assignee: { id: ME, name: 'Me' } }), ME)).toBe('mine');
    expect(folderOf(summary('a', 0, { status: 'assigned', assignee: { id: OTHER, name: 'B' } }), ME)).toBeNull();
    expect(folderOf(summary('a', 0, { status: 'closed', assignee: { id: OTHER, name: 'B' } }), ME)).toBe('closed');
  });
});

describe('B6 "All assigned" is for viewers who see every chat', () => {
  const mine = summary('m', 0, { status: 'assigned', assignee: { id: ME, name: 'Me' } });
  const theirs = summary('t', 0, { status: 'assigned', assignee: { id: OTHER, name: 'B' } });

  it('is in the menu (and a valid address) only for see-all viewers', () => {
    expect(foldersFor(false)).toEqual(['unassigned', 'mine', 'closed']);
    expect(foldersFor(true)).toEqual(['unassigned', 'mine', 'assigned', 'closed']);
    expect(isInboxFolder('assigned')).toBe(false);
    expect(isInboxFolder('assigned', true)).toBe(true);
  });

  it('lists every assigned chat, the viewer\'s own too; a chat held by another moves there for see-all viewers', () => {
    expect(belongsTo(mine, 'assigned', ME)).toBe(true);
    expect(belongsTo(theirs, 'assigned', ME)).toBe(true);
    expect(belongsTo(theirs, 'mine', ME)).toBe(false);
    expect(belongsTo(summary('u', 0), 'assigned', ME)).toBe(false);
    expect(folderOf(theirs, ME, true)).toBe('assigned');
    expect(folderOf(mine, ME, true)).toBe('mine');
    expect(ids(applyUpsert(list(mine), theirs, 'assigned', ME))).toEqual(['m', 't']);
    // Closing it takes it out of "All assigned".
    expect(ids(applyUpsert(list(mine, theirs), { ...theirs, status: 'closed' }, 'assigned', ME))).toEqual(['m']);
  });
});

describe('the folder list', () => {
  it('orders a page newest activity first and keeps a row once', () => {
    const state = appendPage(list(summary('old', 30)), [summary('new', 1), summary('old', 30)], true);
    expect(ids(state)).toEqual(['new', 'old']);
    expect(state.hasMore).toBe(true);
  });

  it('B1: a new unassigned chat appears at the top of Unassigned only', () => {
    const created = summary('fresh', 0);
    expect(ids(applyUpsert(list(summary('a', 5)), created, 'unassigned', ME))).toEqual(['fresh', 'a']);
    expect(ids(applyUpsert(list(summary('m', 5, { status: 'assigned', assignee: { id: ME, name: 'Me' } })), created, 'mine', ME))).toEqual(['m']);
  });

  it('B3: taking a chat moves it from Unassigned to My conversations', () => {
    const taken = summary('a', 0, { status: 'assigned', assignee: { id: ME, name: 'Me' } });
    expect(ids(applyUpsert(list(summary('a', 5), summary('b', 6)), taken, 'unassigned', ME))).toEqual(['b']);
    expect(ids(applyUpsert(list(), taken, 'mine', ME))).toEqual(['a']);
  });

  it('B6: a chat another agent took never enters My conversations, and a removal drops it at once', () => {
    const theirs = summary('a', 0, { status: 'assigned', assignee: { id: OTHER, name: 'B' } });
    expect(ids(applyUpsert(list(), theirs, 'mine', ME))).toEqual([]);
    expect(ids(applyRemoved(list(summary('a', 1), summary('b', 2)), 'a'))).toEqual(['b']);
  });

  it('B8: a closed chat moves to Closed conversations', () => {
    const closed = summary('a', 0, { status: 'closed', closedAt: new Date().toISOString(), assignee: { id: ME, name: 'Me' } });
    expect(ids(applyUpsert(list(summary('a', 1, { status: 'assigned', assignee: { id: ME, name: 'Me' } })), closed, 'mine', ME))).toEqual([]);
    expect(ids(applyUpsert(list(summary('c', 3, { status: 'closed' })), closed, 'closed', ME))).toEqual(['a', 'c']);
  });

  it('leaves a row older than the loaded page for the next page while more pages remain', () => {
    const loaded = appendPage({ rows: [], hasMore: false }, [summary('a', 1), summary('b', 2)], true);
    expect(ids(applyUpsert(loaded, summary('ancient', 500), 'unassigned', ME))).toEqual(['a', 'b']);
    expect(ids(applyUpsert({ ...loaded, hasMore: false }, summary('ancient', 500), 'unassigned', ME))).toEqual(['a', 'b', 'ancient']);
  });

  it('a new message lifts its conversation to the top with a one-line preview; old or foreign entries change nothing', () => {
    const state = list(summary('a', 1), summary('b', 10));
    const lifted = applyEntry(state, 'b', entry(2, { body: '**Hello**\n- there' }));
    expect(ids(lifted)).toEqual(['b', 'a']);
    expect(lifted.rows[0]).toMatchObject({ lastMessageSeq: 2, lastMessagePreview: 'Hello • there' });
    expect(applyEntry(lifted, 'b', entry(2))).toBe(lifted);
    expect(applyEntry(lifted, 'unknown', entry(9))).toBe(lifted);
  });

  it('issue 14: counts unread visitor messages, keeps the count through socket upserts, and clears it when read', () => {
    const state = list(summary('a', 1, { unreadCount: 2 }));
    const visitorEntry = { ...entry(2), authorKind: 'visitor' as const };
    const more = applyEntry(state, 'a', visitorEntry);
    expect(more.rows[0].unreadCount).toBe(3);
    expect(applyEntry(more, 'a', { ...entry(3), authorKind: 'agent' as const }).rows[0].unreadCount).toBe(3);
    // An upsert (the side panel named the visitor) carries no count: the row keeps its own.
    const renamed = applyUpsert(more, { ...more.rows[0], displayName: 'Jane Roe', unreadCount: null }, 'unassigned', ME);
    expect(renamed.rows[0]).toMatchObject({ displayName: 'Jane Roe', unreadCount: 3 });
    const read = markRowRead(renamed, 'a');
    expect(read.rows[0].unreadCount).toBe(0);
    expect(markRowRead(read, 'a')).toBe(read);
  });

  it('G3: an internal note moves the row but never becomes its preview', () => {
    const lifted = applyEntry(list(summary('a', 1), summary('b', 10)), 'b', entry(2, { body: 'Public' }));
    const noted = applyEntry(lifted, 'b', entry(3, { body: 'Only for agents', authorKind: 'agent', audience: 'agents' }));
    expect(noted.rows[0]).toMatchObject({ documentId: 'b', lastMessageSeq: 3, lastMessagePreview: 'Public' });
  });

  it('G4: a file becomes the preview by its name; a removed file leaves the preview as it was', () => {
    const attachment = { name: 'invoice.pdf', mime: 'application/pdf', size: 10, url: '/x', thumbnailUrl: null, removedAt: null };
    const filed = applyEntry(list(summary('a', 1)), 'a', entry(2, { kind: 'file', body: null, attachment }));
    expect(filed.rows[0]).toMatchObject({ lastMessageSeq: 2, lastMessagePreview: 'invoice.pdf' });
    const removed = applyEntry(filed, 'a', entry(3, { kind: 'file', body: null, attachment: { ...attachment, name: null } }));
    expect(removed.rows[0]).toMatchObject({ lastMessageSeq: 3, lastMessagePreview: 'invoice.pdf' });
  });
});

describe('E3 the delivery receipt sits under the newest reply only', () => {
  it('is the last agent message the visitor can see: not a note, an event or a later visitor message', () => {
    const timeline = mergeEntries(emptyTimeline, [
      entry(1),
      entry(2, { authorKind: 'agent', authorName: 'Ada' }),
      entry(3, { authorKind: 'agent', authorName: 'Ada', kind: 'file', body: null }),
      entry(4, { authorKind: 'agent', authorName: 'Ada', audience: 'agents' }),
      entry(5, { authorKind: 'agent', kind: 'event', body: null }),
      entry(6),
    ]);
    expect(receiptSeqOf(timeline)).toBe(3);
    expect(receiptSeqOf(mergeEntries(emptyTimeline, [entry(1), entry(2)]))).toBe(0);
  });
});

describe('the chat timeline (E2)', () => {
  it('shows each seq once, in order, whatever the arrival order or repeats', () => {
    const state = mergeEntries(mergeEntries(emptyTimeline, [entry(3), entry(1)]), [entry(2), entry(3)]);
    expect(state.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(lastSeqOf(state)).toBe(3);
  });

  it('catches up after a reconnect from the end of the gap-free run, not from a live entry past a gap', () => {
    expect(syncedSeqOf(emptyTimeline)).toBe(0);
    const newestPage = mergeEntries(emptyTimeline, [entry(41), entry(42), entry(43)]);
    expect(syncedSeqOf(newestPage)).toBe(43);
    const withLiveAfterGap = mergeEntries(newestPage, [entry(50), entry(51)]);
    expect(syncedSeqOf(withLiveAfterGap)).toBe(43);
    expect(lastSeqOf(withLiveAfterGap)).toBe(51);
    expect(syncedSeqOf(mergeEntries(withLiveAfterGap, [44, 45, 46, 47, 48, 49].map((seq) => entry(seq))))).toBe(51);
  });

  it('keeps an outgoing message pending until the server has it, failed with its reason, and retried under the same id', () => {
    const clientId = newClientId();
    let state = markSending(emptyTimeline, clientId, 'hi');
    expect(state.pending).toEqual([{ clientId, body: 'hi', audience: 'everyone', status: 'sending', error: null }]);
    state = markFailed(state, clientId, 'timeout');
    expect(state.pending[0]).toMatchObject({ status: 'failed', error: 'timeout' });
    state = markSending(state, clientId, 'hi');
    expect(state.pending).toHaveLength(1);
    state = mergeEntries(state, [entry(4, { clientId, authorKind: 'agent', body: 'hi' })]);
    expect(state.pending).toEqual([]);
    expect(state.entries.map((e) => e.clientId)).toEqual([clientId]);
  });

  it('makes client ids the server accepts, each one new', () => {
    const a = newClientId();
    expect(messageInputSchema.safeParse({ clientId: a, body: 'x' }).success).toBe(true);
    expect(newClientId()).not.toBe(a);
  });
});

describe('the composer formatting buttons', () => {
  it('wrap the selection in bold or italic markup', () => {
    expect(applyMarkup('bold', 'say hi now', 4, 6)).toEqual({ text: 'say **hi** now', selectionStart: 6, selectionEnd: 8 });
    expect(applyMarkup('italic', 'say hi', 4, 6).text).toBe('say _hi_');
  });

  it('make a link with the URL selected for typing', () => {
    const edit = applyMarkup('link', 'see docs', 4, 8);
    expect(edit.text).toBe('see [docs](https://)');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('https://');
  });

  it('turn the selected lines into a bulleted list the markup parser reads as one list', () => {
    const edit = applyMarkup('list', 'intro\none\ntwo', 6, 13);
    expect(edit.text).toBe('intro\n- one\n- two');
    expect(markupToRichText(edit.text).map((block) => block.type)).toEqual(['paragraph', 'list']);
  });
});
