import type { Core } from '@strapi/strapi';
import { createAgents as createBenchAgents } from '../inbox-list/agents';
import type { Credentials } from './protocol';

/** Inbox-only agents, created the way the inbox-list benchmark creates them; they sign in from client.ts. */
export const createAgents = (strapi: Core.Strapi, count: number): Promise<Credentials[]> =>
  createBenchAgents(strapi, count, 'delivery');
