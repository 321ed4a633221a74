import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** A throw-away database for one booted Strapi: a SQLite file, or a PostgreSQL schema. */
export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  /** Environment variables config/database.ts reads. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const TEST_POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

export async function createTestDatabase(): Promise<TestDatabase> {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'postgres') return createPostgresSchema();
  if (client !== 'sqlite') throw new Error(`DATABASE_CLIENT=${client} is not supported by the tests`);
  return createSqliteFile();
}

function createSqliteFile(): TestDatabase {
  const filename = path.join(os.tmpdir(), `${uniqueName('live-chat-test')}.db`);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    async drop() {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${filename}${suffix}`, { force: true });
    },
  };
}

/**
 * A fresh schema per booted Strapi, so test files never see each other's rows. Asked to run on
 * PostgreSQL without a server, this fails loudly: the suite never silently falls back to SQLite.
 */
async function createPostgresSchema(): Promise<TestDatabase> {
  const schema = uniqueName('lc_test');
  await withPg((pg) => pg.query(`CREATE SCHEMA "${schema}"`));
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: TEST_POSTGRES_URL,
      DATABASE_SCHEMA: schema,
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '10',
    },
    async drop() {
      await withPg((pg) => pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    },
  };
}

async function withPg<T>(work: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await pg.connect();
  } catch (error) {
    throw new Error(`DATABASE_CLIENT=postgres but PostgreSQL at ${TEST_POSTGRES_URL} is unreachable: ${String(error)}`);
  }
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}
