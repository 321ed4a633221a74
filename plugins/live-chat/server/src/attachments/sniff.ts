import { open } from 'node:fs/promises';

/**
 * G4: the type of an uploaded file, from its bytes only (never its name or the Content-Type the
 * client declared). Binary formats by their signature (the `file-type` package: images, PDF, the
 * ZIP-based office formats, which it tells apart by their inner manifest); a file with no signature
 * counts as text/plain when it is valid UTF-8 without NUL or other control characters (tab, line
 * breaks and form feed aside). Anything else is application/octet-stream, which no rule allows.
 */
export async function sniffFile(path: string): Promise<string> {
  const detected = await fileTypeFromFile(path);
  if (detected) return detected.mime;
  return (await isPlainText(path)) ? 'text/plain' : 'application/octet-stream';
}

/**
 * `file-type` is ESM only; the plugin's server is built to CommonJS as well. A dynamic import()
 * that the bundler keeps as such (an external module; Rollup keeps `import()` in CommonJS output)
 * loads it from either build; the promise is kept so it is loaded once.
 */
let fileTypeModule: Promise<typeof import('file-type')> | undefined;
async function fileTypeFromFile(path: string) {
  fileTypeModule ??= import('file-type');
  return (await fileTypeModule).fileTypeFromFile(path);
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL: not in a text file.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Reads the file (already size-checked) and decodes it strictly as UTF-8 (a BOM is allowed). */
async function isPlainText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    if (bytes.length === 0) return false;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !CONTROL.test(text);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}
