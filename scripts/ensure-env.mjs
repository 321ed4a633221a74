// Writes .env with fresh random secrets the first time the app starts, so no secret is ever
// committed and a newcomer needs no setup. An existing .env is never touched.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const secret = () => randomBytes(24).toString('base64');

/** The secrets Strapi needs, as environment variables. */
export const generateSecrets = () => ({
  APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});

export function ensureEnvFile(appRoot) {
  const file = join(appRoot, '.env');
  if (existsSync(file)) return false;
  const lines = ['# Generated on first start by scripts/ensure-env.mjs; never commit this file.', 'HOST=0.0.0.0', 'PORT=1337'];
  for (const [key, value] of Object.entries(generateSecrets())) lines.push(`${key}=${value}`);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return true;
}
