import { createBatcher } from '../../plugins/live-chat/server/src/batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A batch writer that records its batches and finishes when the test says so. */
function recordingWriter() {
  const batches: number[][] = [];
  const finishers: Array<() => void> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(items);
      finishers.push(() => resolve(items.map((item) => `stored ${item}`)));
    });
  // The next batch starts on a setImmediate queued after the finished one settles: wait two turns.
  const finishNext = async () => {
    finishers.shift()?.();
    await tick();
    await tick();
  };
  return { batches, write, finishNext };
}

describe('the batcher behind group commit on the message path (E2 throughput, issue 4)', () => {
  it('writes what was submitted in the same turn as one batch and answers each item with its own result', async () => {
    const writer = recordingWriter();
    const commit = createBatcher(writer.write, 100);
    const results = Promise.all([1, 2, 3].map((item) => commit.submit(item)));
    await tick();
    expect(writer.batches).toEqual([[1, 2, 3]]);
    await writer.finishNext();
    await expect(results).resolves.toEqual(['stored 1', 'stored 2', 'stored 3']);
  });

  it('keeps one batch in flight: what arrives meanwhile waits, in order, for the next batch', async () => {
    const writer = recordingWriter();
    const commit = createBatcher(writer.write, 100);
    const first = commit.submit(1);
    await tick();
    const later = [commit.submit(2), commit.submit(3)];
    await tick();
    expect(writer.batches).toEqual([[1]]);
    await writer.finishNext();
    await expect(first).resolves.toBe('stored 1');
    expect(writer.batches).toEqual([[1], [2, 3]]);
    await writer.finishNext();
    await expect(Promise.all(later)).resolves.toEqual(['stored 2', 'stored 3']);
  });

  it('splits a queue longer than the largest batch', async () => {
    const writer = recordingWriter();
    const commit = createBatcher(writer.write, 2);
    const results = Promise.all([1, 2, 3, 4, 5].map((item) => commit.submit(item)));
    await tick();
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(writer.batches).toEqual([[1, 2], [3, 4], [5]]);
    await expect(results).resolves.toHaveLength(5);
  });

  it('rejects every item of a failed batch and goes on with the next one', async () => {
    let calls = 0;
    const commit = createBatcher(async (items: number[]) => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
      return items.map((item) => item * 10);
    }, 100);
    const failed = [commit.submit(1), commit.submit(2)];
    await expect(failed[0]).rejects.toThrow('database gone');
    await expect(failed[1]).rejects.toThrow('database gone');
    await expect(commit.submit(3)).resolves.toBe(30);
  });
});
