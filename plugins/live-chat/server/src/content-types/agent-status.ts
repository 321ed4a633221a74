import { AGENT_AVAILABILITIES } from '../../../shared/constants';
import { AGENT_CAPACITY } from '../../../shared/domain/auto-assignment';
import { defineContentType, enumeration, foreignKey } from './define';

/**
 * B2: an agent's availability toggle, kept in the database so it survives a page reload and is the
 * same on every server process. `lastConnectedAt` lets the presence sweep end it after a grace period.
 */
export default defineContentType({
  singularName: 'agent-status',
  pluralName: 'agent-statuses',
  displayName: 'Agent status',
  visibleInContentManager: false,
  attributes: {
    agent: foreignKey('admin::user', { required: true }),
    availability: enumeration(AGENT_AVAILABILITIES, { required: true, default: 'offline' }),
    lastConnectedAt: { type: 'datetime' },
    // Set when the agent's last inbox socket went away; past it the sweep turns them offline (B2).
    offlineAfterAt: { type: 'datetime' },
    // G7: most open chats auto-assignment gives the agent; null means the default (AGENT_CAPACITY).
    maxOpenChats: { type: 'integer', min: AGENT_CAPACITY.min, max: AGENT_CAPACITY.max },
    // G7: the round-robin pointer: the turn number of the agent's last automatic chat.
    autoAssignTurn: { type: 'integer', default: 0, min: 0 },
  },
  indexes: [{ name: 'live_chat_agent_statuses_agent_uq', columns: ['agent_id'], type: 'unique' }],
});
