import type { Core } from '@strapi/strapi';
import { uid } from '../../../shared/constants';
import { TABLES, table, type Transaction } from './sql';

/** CRM records (C2): lookups for de-duplication and inserts, all inside the caller's transaction. */
export const createCrmRepository = (strapi: Core.Strapi) => ({
  /** A person by email, compared case-insensitively. */
  async findPersonByEmail(trx: Transaction, email: string): Promise<{ id: number } | null> {
    const row = await table(strapi, TABLES.persons, trx)
      .whereRaw('lower(email) = ?', [email.toLowerCase()])
      .orderBy('id', 'asc')
      .first('id');
    return row ? { id: Number(row.id) } : null;
  },

  /** An organization by exact name. */
  async findOrganizationByName(trx: Transaction, name: string): Promise<{ id: number } | null> {
    const row = await table(strapi, TABLES.organizations, trx).where({ name }).orderBy('id', 'asc').first('id');
    return row ? { id: Number(row.id) } : null;
  },

  async createPerson(data: { name: string | null; email: string | null; phone: string | null; organization: number | null }) {
    return strapi.db.query(uid('person')).create({ data }) as Promise<{ id: number; documentId: string }>;
  },

  async createOrganization(data: { name: string; address: string | null }) {
    return strapi.db.query(uid('organization')).create({ data }) as Promise<{ id: number; documentId: string }>;
  },

  async createLead(data: Record<string, unknown>) {
    return strapi.db.query(uid('lead')).create({ data }) as Promise<{ id: number; documentId: string; title: string }>;
  },

  async createDeal(data: Record<string, unknown>) {
    return strapi.db.query(uid('deal')).create({ data }) as Promise<{ id: number; documentId: string; title: string }>;
  },
});
