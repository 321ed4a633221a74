import { PassThrough, type Readable } from 'node:stream';
import archiver from 'archiver';

/** One entry of the archive: text, or a stream opened when the archive reaches it. */
export type ArchiveEntry = { name: string; text: string } | { name: string; open: () => Promise<Readable> };

/**
 * F5: the export as one zip, streamed: files are read one at a time as the archive is written, so
 * a person with many attachments never sits in memory. A file that cannot be read (removed meanwhile)
 * leaves a note in its place rather than breaking the download half-way.
 */
export function zipStream(entries: ArchiveEntry[], onError: (error: unknown) => void): Readable {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on('error', (error) => {
    onError(error);
    out.destroy(error);
  });
  zip.on('warning', onError);
  zip.pipe(out);
  void (async () => {
    for (const entry of entries) {
      if ('text' in entry) {
        zip.append(entry.text, { name: entry.name });
        continue;
      }
      try {
        const stream = await entry.open();
        zip.append(stream, { name: entry.name });
        // One file at a time: wait until archiver consumed it before opening the next.
        await new Promise<void>((resolve, reject) => {
          stream.once('end', resolve);
          stream.once('close', resolve);
          stream.once('error', reject);
        });
      } catch (error) {
        onError(error);
        zip.append('This file could not be read when the export was made.\n', { name: `${entry.name}.unavailable.txt` });
      }
    }
    await zip.finalize();
  })().catch((error: unknown) => {
    onError(error);
    out.destroy(error as Error);
  });
  return out;
}
