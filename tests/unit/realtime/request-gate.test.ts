import { createRequestGate } from '../../../plugins/live-chat/server/src/realtime/request-gate';

/** F3 graceful shutdown: the node waits for what it started, and only for that. */
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('createRequestGate', () => {
  it('is idle at once when nothing runs, and open until closed', async () => {
    const gate = createRequestGate();
    expect(gate.closed).toBe(false);
    expect(await gate.idle(10)).toBe(true);
    gate.close();
    expect(gate.closed).toBe(true);
  });

  it('waits for tracked work, including work started while waiting', async () => {
    const gate = createRequestGate();
    const finished: string[] = [];
    void gate.track(async () => {
      await later(30, null);
      finished.push('first');
      void gate.track(async () => {
        await later(30, null);
        finished.push('second');
      });
    });
    expect(await gate.idle(1000)).toBe(true);
    expect(finished).toEqual(['first', 'second']);
  });

  it('hands back the work result, counts a failure as finished, and gives up after the timeout', async () => {
    const gate = createRequestGate();
    expect(await gate.track(() => later(5, 42))).toBe(42);
    await expect(gate.track(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await gate.idle(10)).toBe(true);
    void gate.track(() => later(200, null));
    expect(await gate.idle(20)).toBe(false);
  });
});
