import { uid } from '../../../shared/constants';
import { defineContentType, enumeration, linkTo } from './define';

export const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'email', 'follow_up'] as const;

/** A6, A7: a follow-up created by a playbook card or by an agent. */
export default defineContentType({
  singularName: 'activity',
  pluralName: 'activities',
  displayName: 'Activity',
  visibleInContentManager: true,
  attributes: {
    subject: { type: 'string', required: true, maxLength: 200 },
    type: enumeration(ACTIVITY_TYPES, { required: true, default: 'follow_up' }),
    note: { type: 'text', maxLength: 10000 },
    dueAt: { type: 'datetime' },
    done: { type: 'boolean', default: false },
    person: linkTo(uid('person')),
    lead: linkTo(uid('lead')),
    deal: linkTo(uid('deal')),
    conversation: linkTo(uid('conversation')),
  },
});
