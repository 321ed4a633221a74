import { uid } from '../../../shared/constants';
import { defineContentType, enumeration, linkTo } from './define';

export const LEAD_STATUSES = ['open', 'qualified', 'disqualified', 'converted'] as const;

/** C2, A7: a lead created from a conversation (agent) or from a playbook's offline path. */
export default defineContentType({
  singularName: 'lead',
  pluralName: 'leads',
  displayName: 'Lead',
  visibleInContentManager: true,
  attributes: {
    title: { type: 'string', required: true, maxLength: 200 },
    status: enumeration(LEAD_STATUSES, { required: true, default: 'open' }),
    person: linkTo(uid('person'), { inversedBy: 'leads' }),
    organization: linkTo(uid('organization')),
    conversation: linkTo(uid('conversation')),
    value: { type: 'decimal', min: 0 },
    currency: { type: 'string', maxLength: 3 },
    source: enumeration(['live_chat', 'playbook', 'api'], { default: 'live_chat' }),
  },
});
