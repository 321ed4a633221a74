import {
  canSee,
  recipientsOf,
  visibleConversationFilter,
  type ConversationState,
  type Viewer,
  type VisibilityFilter,
} from '../../../plugins/live-chat/shared/domain';
import { admin, alice, assignedTo, bob, closedBy, outsider, seeAllWithoutInbox, unassigned } from './fixtures';

type Subject = Pick<ConversationState, 'status' | 'assigneeId'>;

const viewers: Array<[string, Viewer]> = [
  ['agent A', alice],
  ['agent B', bob],
  ['see-all admin', admin],
  ['viewer without inbox access', outsider],
  ['see-all without inbox access', seeAllWithoutInbox],
];

const conversations: Array<[string, Subject]> = [
  ['unassigned', unassigned()],
  ['assigned to A', assignedTo(alice)],
  ['assigned to B', assignedTo(bob)],
  ['closed', closedBy(bob)],
];

/** The expected matrix, written out by hand from B6 (rows: viewers, columns: conversations). */
const expected: Record<string, Record<string, boolean>> = {
  'agent A': { unassigned: true, 'assigned to A': true, 'assigned to B': false, closed: true },
  'agent B': { unassigned: true, 'assigned to A': false, 'assigned to B': true, closed: true },
  'see-all admin': { unassigned: true, 'assigned to A': true, 'assigned to B': true, closed: true },
  'viewer without inbox access': { unassigned: false, 'assigned to A': false, 'assigned to B': false, closed: false },
  'see-all without inbox access': { unassigned: false, 'assigned to A': false, 'assigned to B': false, closed: false },
};

/** Interprets a filter the way a repository's WHERE clause would, over one row. */
function matches(filter: VisibilityFilter, row: Subject): boolean {
  switch (filter.kind) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'unassigned-closed-or-mine':
      return row.status === 'unassigned' || row.status === 'closed' || row.assigneeId === filter.agentId;
  }
}

describe('B6 Visibility: who can see a conversation', () => {
  it('matches the hand-written matrix exactly for every viewer and conversation', () => {
    const actual: Record<string, Record<string, boolean>> = {};
    for (const [viewerName, viewer] of viewers) {
      actual[viewerName] = {};
      for (const [conversationName, conversation] of conversations) {
        actual[viewerName][conversationName] = canSee(viewer, conversation);
      }
    }
    expect(actual).toEqual(expected);
  });

  it("hides a conversation assigned to another agent, and shows it again once reassigned to Unassigned", () => {
    expect(canSee(bob, assignedTo(alice))).toBe(false);
    expect(canSee(bob, unassigned({ waitDeadlineAt: null }))).toBe(true);
  });

  it('shows a closed conversation to every agent, whoever handled it', () => {
    expect(canSee(alice, closedBy(bob))).toBe(true);
  });

  it('lets super admins see all only when they are configured to (canSeeAll)', () => {
    const plainAdmin: Viewer = { ...admin, canSeeAll: false };
    expect(canSee(plainAdmin, assignedTo(alice))).toBe(false);
    expect(canSee(admin, assignedTo(alice))).toBe(true);
  });
});

describe('B6 Visibility as a query filter (REST API, search, inbox lists)', () => {
  it('expresses each kind of viewer as the expected filter', () => {
    expect(visibleConversationFilter(alice)).toEqual({ kind: 'unassigned-closed-or-mine', agentId: alice.id });
    expect(visibleConversationFilter(admin)).toEqual({ kind: 'all' });
    expect(visibleConversationFilter(outsider)).toEqual({ kind: 'none' });
    expect(visibleConversationFilter(seeAllWithoutInbox)).toEqual({ kind: 'none' });
  });

  it('agrees with canSee for every viewer and conversation', () => {
    for (const [viewerName, viewer] of viewers) {
      for (const [conversationName, conversation] of conversations) {
        const filter = visibleConversationFilter(viewer);
        expect([viewerName, conversationName, matches(filter, conversation)]).toEqual([
          viewerName,
          conversationName,
          canSee(viewer, conversation),
        ]);
      }
    }
  });

  it('agrees with canSee for an assignee who is not among the known viewers', () => {
    const stranger = assignedTo({ id: 99, displayName: 'Gone', canUseInbox: true, canSeeAll: false });
    for (const [, viewer] of viewers) {
      expect(matches(visibleConversationFilter(viewer), stranger)).toBe(canSee(viewer, stranger));
    }
  });
});

describe('B6 / D2 Recipients of a conversation (socket rooms, notifications)', () => {
  const everyone = viewers.map(([, viewer]) => viewer);

  it('sends an unassigned conversation to every inbox agent, never to users without inbox access (B1, D2)', () => {
    expect(recipientsOf(unassigned(), everyone)).toEqual([alice.id, bob.id, admin.id]);
  });

  it("sends agent A's conversation to A and the see-all admin only", () => {
    expect(recipientsOf(assignedTo(alice), everyone)).toEqual([alice.id, admin.id]);
  });

  it("sends agent B's conversation to B and the see-all admin only", () => {
    expect(recipientsOf(assignedTo(bob), everyone)).toEqual([bob.id, admin.id]);
  });

  it('sends a closed conversation to every inbox agent', () => {
    expect(recipientsOf(closedBy(alice), everyone)).toEqual([alice.id, bob.id, admin.id]);
  });

  it('returns ids sorted ascending and without duplicates, whatever the input order', () => {
    expect(recipientsOf(unassigned(), [admin, bob, alice, bob, outsider])).toEqual([1, 2, 3]);
  });

  it('returns nobody when there are no viewers', () => {
    expect(recipientsOf(unassigned(), [])).toEqual([]);
  });
});
