import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Response } from 'superagent';
import type { TestApp } from './strapi';

/** A place an erased value was still found: a table's column, or a file on disk. */
export interface Finding {
  where: string;
  needle: string;
}

/** Every table of the plugin (all `live_chat_%`, whoever added it) plus the upload plugin's files. */
async function tablesToScan(app: TestApp): Promise<string[]> {
  const knex = app.strapi.db.connection;
  let names: string[];
  if (app.strapi.db.dialect.client === 'sqlite') {
    names = await knex('sqlite_master').where({ type: 'table' }).pluck('name');
  } else {
    names = await knex('information_schema.tables').whereRaw('table_schema = current_schema()').pluck('table_name');
  }
  return names.filter((name) => name.startsWith('live_chat_') || name === 'files').sort();
}

/** A cell as text whatever its type: JSON, dates, blobs (FTS5's index pages) and tsvectors included. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * F5: looks for each needle (case-insensitive) in every column of every row of every plugin table,
 * read generically, so a table or column added later (by another feature) is scanned as well.
 */
export async function findInDatabase(app: TestApp, needles: string[]): Promise<Finding[]> {
  const lowered = needles.map((needle) => needle.toLowerCase());
  const findings: Finding[] = [];
  for (const table of await tablesToScan(app)) {
    const rows: Array<Record<string, unknown>> = await app.strapi.db.connection(table).select('*');
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = cellText(value).toLowerCase();
        lowered.forEach((needle, index) => {
          if (text.includes(needle)) findings.push({ where: `${table}.${column}`, needle: needles[index] });
        });
      }
    }
  }
  return findings;
}

/** The same search in the names and contents of every file under a folder (the upload folder). */
export async function findOnDisk(folder: string, needles: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const text = `${entry.name}\n${(await readFile(full)).toString('latin1')}`.toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) findings.push({ where: full, needle });
  }
  return findings;
}

/** Supertest parser keeping a binary body (a zip) as a Buffer. */
export const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** An export archive's entries: name → bytes. */
export async function readArchive(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.set(file.name, await file.async('nodebuffer'));
  }
  return entries;
}
