import type { Core } from '@strapi/strapi';
import { NOTIFICATION_KINDS, uid, type NotificationKind } from '../../../shared/constants';
import { updateOrCreate } from '../repositories/sql';
import { createTtlCache } from '../ttl-cache';

export type NotificationPreferences = Record<NotificationKind, boolean> & { sound: boolean };

const ALL_ON: NotificationPreferences = {
  conversationUnassigned: true,
  conversationAssignedToMe: true,
  messageInMyConversation: true,
  sound: false,
};

const COMPANY = 'company';
/** How long a process may notify by settings another process has just changed (its own writes clear it). */
const SETTINGS_CACHE_MS = 2000;
const agentOwner = (agentId: number) => `agent:${agentId}`;

/** D3: each notification kind can be turned off company-wide and by each agent for themself. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(uid('notification-setting'));
  const effective = createTtlCache<number, { company: NotificationPreferences; agent: NotificationPreferences }>(SETTINGS_CACHE_MS);

  type SettingRow = Partial<Record<NotificationKind | 'sound', boolean | null>> & { owner: string };

  const toPreferences = (row: SettingRow | null | undefined): NotificationPreferences => {
    if (!row) return { ...ALL_ON };
    return {
      conversationUnassigned: row.conversationUnassigned !== false,
      conversationAssignedToMe: row.conversationAssignedToMe !== false,
      messageInMyConversation: row.messageInMyConversation !== false,
      sound: row.sound === true,
    };
  };

  const read = async (owner: string) => toPreferences(await rows().findOne({ where: { owner } }));

  async function write(owner: string, scope: 'company' | 'agent', agentId: number | null, changes: Partial<NotificationPreferences>) {
    await updateOrCreate(rows(), { owner }, changes, () => ({ ...ALL_ON, ...changes, owner, scope, agent: agentId }));
    effective.clear();
    return read(owner);
  }

  return {
    getCompany: () => read(COMPANY),
    setCompany: (changes: Partial<NotificationPreferences>) => write(COMPANY, 'company', null, changes),
    getForAgent: (agentId: number) => read(agentOwner(agentId)),
    setForAgent: (agentId: number, changes: Partial<NotificationPreferences>) => write(agentOwner(agentId), 'agent', agentId, changes),

    /** Whether an agent is notified of a kind: both the company and the agent must allow it. */
    async isEnabled(kind: NotificationKind, agentId: number): Promise<boolean> {
      // This runs for every notification of every message: both rows in one query, kept briefly.
      const { company, agent } = await effective.get(agentId, async () => {
        const found: SettingRow[] = await rows().findMany({ where: { owner: { $in: [COMPANY, agentOwner(agentId)] } } });
        return {
          company: toPreferences(found.find((row) => row.owner === COMPANY)),
          agent: toPreferences(found.find((row) => row.owner === agentOwner(agentId))),
        };
      });
      return company[kind] && agent[kind];
    },

    kinds: NOTIFICATION_KINDS,
  };
};
