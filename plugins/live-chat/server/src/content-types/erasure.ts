import { enumeration, defineContentType } from './define';

export const ERASURE_ACTOR_KINDS = ['admin', 'api-token', 'retention'] as const;
export const ERASURE_SUBJECT_KINDS = ['visitor', 'person', 'retention'] as const;

/**
 * F5, G9: the audit log of erasures: who erased, when, what kind of subject and how many records of
 * each kind. Never the erased data itself, nor an id that would lead back to it. Plugin-only: read
 * through GET /live-chat/personal-data/erasures with "Export and erase personal data".
 */
export default defineContentType({
  singularName: 'erasure',
  pluralName: 'erasures',
  displayName: 'Erasure',
  description: 'Audit log of personal data erasures (never the erased data)',
  visibleInContentManager: false,
  attributes: {
    actorKind: enumeration(ERASURE_ACTOR_KINDS, { required: true }),
    // The admin user's id and name at the time (an admin is not the erased person).
    actorId: { type: 'integer' },
    actorName: { type: 'string', maxLength: 200 },
    subjectKind: enumeration(ERASURE_SUBJECT_KINDS, { required: true }),
    // How many records of each kind were erased: { conversations, messages, files, visitors, … }.
    counts: { type: 'json', required: true },
  },
  indexes: [{ name: 'live_chat_erasures_created_idx', columns: ['created_at'] }],
});
