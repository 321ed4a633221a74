import { uid } from '../../../shared/constants';
import { DEVICE_TYPES, VISITOR_CONTEXT_LIMITS as LIMITS } from '../../../shared/domain/visitor-context';
import { defineContentType, enumeration, hasMany } from './define';

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
    // G2: the visitor's context, as the widget reported it (cleaned by shared/domain/visitor-context.ts).
    // `text`, not `string`: PostgreSQL makes a string a varchar(255), shorter than these bounds.
    page: { type: 'text', maxLength: LIMITS.url },
    pageTitle: { type: 'text', maxLength: LIMITS.title },
    landingPage: { type: 'text', maxLength: LIMITS.url },
    referrer: { type: 'text', maxLength: LIMITS.url },
    language: { type: 'string', maxLength: 16 },
    timeZone: { type: 'string', maxLength: LIMITS.timeZone },
    // Parsed on the server from the User-Agent header; the raw header is not kept.
    browser: { type: 'string', maxLength: LIMITS.browser },
    os: { type: 'string', maxLength: LIMITS.os },
    deviceType: enumeration(DEVICE_TYPES),
    firstSeenAt: { type: 'datetime' },
    visitCount: { type: 'integer', default: 0, min: 0 },
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
