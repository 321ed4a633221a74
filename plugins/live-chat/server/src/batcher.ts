/**
 * Items submitted while a batch is in flight (or in the same turn of the event loop) go together
 * in the next batch, one batch at a time: under load one transaction or statement stores many
 * messages (group commit) or looks up many conversations; alone, an item waits one setImmediate.
 * `runBatch` answers one result per item, in order; if it throws, every item of that batch
 * rejects with its error.
 */
export function createBatcher<Item, Result>(runBatch: (items: Item[]) => Promise<Result[]>, maxBatch: number) {
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
      const results = await runBatch(batch.map((pending) => pending.item));
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
