/**
 * Group commit: items submitted while a batch is being written (or in the same turn of the event
 * loop) are written together by the next batch, one at a time. Under load a transaction then
 * stores many messages for the price of one; alone, an item waits one setImmediate.
 * `writeBatch` answers one result per item, in order; if it throws, every item of that batch
 * rejects with its error.
 */
export function createGroupCommit<Item, Result>(writeBatch: (items: Item[]) => Promise<Result[]>, maxBatch: number) {
  type Pending = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let scheduled = false;
  let writing = false;

  const schedule = () => {
    if (scheduled || writing) return;
    scheduled = true;
    setImmediate(flush);
  };

  async function flush() {
    scheduled = false;
    writing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const results = await writeBatch(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      writing = false;
      if (queue.length > 0) schedule();
    }
  }

  return {
    submit(item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
