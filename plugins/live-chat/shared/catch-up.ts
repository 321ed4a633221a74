/**
 * E2: the catch-up the widget and the inbox run after every (re)connect. `sync` answers a page at a
 * time (SYNC_PAGE_SIZE), so the client asks again from each page's `nextAfterSeq` until the server
 * says nothing more is there; live entries arriving meanwhile are merged by seq as usual.
 */
import type { Ack, SyncPage } from './events';

/** How long to wait before asking again for a page the server refused as `rate_limited` (F4). */
const RATE_LIMITED_RETRY_MS = 1_000;

/**
 * Pages from `afterSeq`, handing each page to `onPage` in order; answers true once caught up.
 * Answers false as soon as `current()` is false (a newer connect started its own catch-up, or the
 * view went away) or `onPage` answers false, and when a request fails: a timeout means the
 * connection is gone, and the next connect starts again.
 */
export async function catchUp<P extends SyncPage>(
  request: (afterSeq: number) => Promise<Ack<P>>,
  afterSeq: number,
  onPage: (page: P) => boolean | void,
  current: () => boolean,
): Promise<boolean> {
  let after = afterSeq;
  while (current()) {
    let ack: Ack<P>;
    try {
      ack = await request(after);
    } catch {
      return false;
    }
    if (!current()) return false;
    if (!ack.ok) {
      if (ack.error.code !== 'rate_limited') return false;
      await new Promise((resolve) => setTimeout(resolve, RATE_LIMITED_RETRY_MS));
      continue;
    }
    if (onPage(ack.data) === false) return false;
    // A server that does not move on (or predates paging, without `hasMore`) ends the catch-up.
    if (!ack.data.hasMore || !(ack.data.nextAfterSeq > after)) return true;
    after = ack.data.nextAfterSeq;
  }
  return false;
}
