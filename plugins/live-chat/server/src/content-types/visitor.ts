import { uid } from '../../../shared/constants';
import { defineContentType, hasMany } from './define';

/** E4: a website visitor, identified by the subject of the signed token the widget keeps. */
export default defineContentType({
  singularName: 'visitor',
  pluralName: 'visitors',
  displayName: 'Visitor',
  visibleInContentManager: false,
  attributes: {
    // The signed token's subject: never sent to API clients, never usable in filters.
    subject: { type: 'string', required: true, private: true, maxLength: 64 },
    name: { type: 'string', maxLength: 200 },
    email: { type: 'email', maxLength: 254 },
    page: { type: 'string', maxLength: 2048 },
    language: { type: 'string', maxLength: 16 },
    consent: { type: 'boolean', default: false },
    consentAt: { type: 'datetime' },
    lastSeenAt: { type: 'datetime' },
    // The playbook flow the visitor is in (the engine's plain-JSON state) and its version, so two
    // concurrent steps cannot both apply (their effects would run twice).
    flow: { type: 'json', private: true },
    flowVersion: { type: 'integer', default: 0, private: true },
    conversations: hasMany(uid('conversation'), 'visitor'),
  },
  indexes: [{ name: 'live_chat_visitors_subject_uq', columns: ['subject'], type: 'unique' }],
});
