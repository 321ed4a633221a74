import { invalidInput } from '../errors';

/** Keyset cursors for folder lists: the (lastActivityAt, id) of the last row, opaque to clients. */
export function encodeCursor(record: { lastActivityAt: Date | null; createdAt: Date; id: number }): string {
  const at = (record.lastActivityAt ?? record.createdAt).getTime();
  return Buffer.from(JSON.stringify([at, record.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { lastActivityAt: Date; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Number.isSafeInteger(at) && Number.isSafeInteger(id)) return { lastActivityAt: new Date(at as number), id: id as number };
  } catch {
    // falls through to the error below
  }
  throw invalidInput('Invalid cursor', [{ path: ['cursor'], message: 'Use the nextCursor of the previous page' }]);
}
