import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from '../../tests/harness/database';
import { testSecrets } from '../../tests/harness/secrets';

export const APP_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface BenchApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** http://127.0.0.1:<port> of the listening server. */
  baseUrl: string;
  /** Destroys Strapi (closing the server and the pool) and drops the throw-away database. */
  stop: () => Promise<void>;
}

/**
 * Boots the compiled app the way tests/harness/strapi.ts does (same throw-away database helper:
 * a SQLite file, or a fresh schema when DATABASE_CLIENT=postgres), but listens on a real port:
 * the benchmark measures over HTTP with keep-alive, as the admin panel's requests arrive.
 */
export async function bootBenchApp(): Promise<BenchApp> {
  const database = await createTestDatabase();
  Object.assign(process.env, database.env, {
    ...testSecrets(),
    // Production mode, since that is where latency matters; no demo rows in the measured tables.
    NODE_ENV: 'production',
    LIVE_CHAT_DEMO_SEED: 'false',
  });

  const strapi = createStrapi({ appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') });
  // Logging every request would be measured too.
  strapi.log.silent = true;
  try {
    await strapi.load();
    await strapi.server.mount();
    await new Promise<void>((resolve, reject) => {
      strapi.server.httpServer.once('error', reject);
      strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await strapi.destroy().catch(() => undefined);
    await database.drop();
    throw error;
  }
  const { port } = strapi.server.httpServer.address() as AddressInfo;

  return {
    strapi,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      try {
        await strapi.destroy();
      } finally {
        await database.drop();
      }
    },
  };
}
