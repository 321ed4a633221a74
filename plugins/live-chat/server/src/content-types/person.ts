import { uid } from '../../../shared/constants';
import { defineContentType, linkTo, hasMany } from './define';

/** C2: a CRM contact; de-duplicated by email. */
export default defineContentType({
  singularName: 'person',
  pluralName: 'persons',
  displayName: 'Person',
  visibleInContentManager: true,
  attributes: {
    name: { type: 'string', maxLength: 200 },
    email: { type: 'email', maxLength: 254 },
    phone: { type: 'string', maxLength: 32 },
    organization: linkTo(uid('organization'), { inversedBy: 'persons' }),
    leads: hasMany(uid('lead'), 'person'),
    deals: hasMany(uid('deal'), 'person'),
  },
  indexes: [{ name: 'live_chat_persons_email_idx', columns: ['email'] }],
});
