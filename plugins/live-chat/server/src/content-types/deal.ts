import { uid } from '../../../shared/constants';
import { defineContentType, enumeration, linkTo } from './define';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;

/** C1, C2: a deal with value, currency and expected close date. */
export default defineContentType({
  singularName: 'deal',
  pluralName: 'deals',
  displayName: 'Deal',
  visibleInContentManager: true,
  attributes: {
    title: { type: 'string', required: true, maxLength: 200 },
    status: enumeration(DEAL_STATUSES, { required: true, default: 'open' }),
    value: { type: 'decimal', min: 0 },
    currency: { type: 'string', maxLength: 3 },
    expectedCloseDate: { type: 'date' },
    person: linkTo(uid('person'), { inversedBy: 'deals' }),
    organization: linkTo(uid('organization')),
    conversation: linkTo(uid('conversation')),
  },
});
