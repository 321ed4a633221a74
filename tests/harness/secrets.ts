import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(24).toString('base64');

/**
 * The secrets a Strapi process needs, fresh each call and never written anywhere: for booted test
 * apps, the scale-out processes and the benchmarks (`npm start` writes its own into .env).
 */
export function testSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}
