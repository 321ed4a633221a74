import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './database';
import { testSecrets } from './secrets';

export const APP_ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** The secrets it booted with; pass them back to boot again as the same installation (a restart). */
  secrets: Record<string, string>;
  /** A supertest client bound to the booted server. */
  http: () => ReturnType<typeof request>;
  /** Stops Strapi and drops its database; call it in afterAll. */
  stop: () => Promise<void>;
  /** Stops Strapi but keeps the database, to boot again on it (a second start). */
  stopKeepingData: () => Promise<void>;
}

interface BootOptions {
  env?: Record<string, string>;
  /** Boot on the database of an earlier, stopped app instead of a fresh one. */
  database?: TestDatabase;
  /** Boot with these secrets (an earlier app's), so its tokens stay valid: a restart. */
  secrets?: Record<string, string>;
}

/**
 * Boots the real Strapi app (with the live-chat plugin) on a database of its own. Routes are
 * mounted but the server does not listen: supertest opens an ephemeral port per request, and
 * socket tests call `listen(0)` themselves.
 */
export async function bootStrapi(options: BootOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  // Strapi reads its configuration from process.env; what one test file sets must not leak into
  // the next file jest runs in the same worker, so the previous values come back on stop.
  const savedEnv = { ...process.env };
  const secrets = options.secrets ?? testSecrets();
  Object.assign(process.env, secrets, database.env, {
    NODE_ENV: 'test',
    LIVE_CHAT_DEMO_SEED: 'false',
    ...options.env,
  });
  const restoreEnv = () => {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  };

  const strapi = createStrapi({ appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') });
  if (process.env.LIVE_CHAT_TEST_LOGS !== 'true') {
    strapi.log.silent = true;
  }
  await strapi.load();
  await strapi.server.mount();

  return {
    strapi,
    database,
    secrets,
    http: () => request(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      await database.drop();
      restoreEnv();
    },
    async stopKeepingData() {
      await strapi.destroy();
      restoreEnv();
    },
  };
}
