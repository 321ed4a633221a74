import { uid } from '../../../shared/constants';
import { defineContentType, hasMany } from './define';

/** C2: a CRM organization; de-duplicated by name. */
export default defineContentType({
  singularName: 'organization',
  pluralName: 'organizations',
  displayName: 'Organization',
  visibleInContentManager: true,
  attributes: {
    name: { type: 'string', required: true, maxLength: 200 },
    address: { type: 'text', maxLength: 1000 },
    persons: hasMany(uid('person'), 'organization'),
  },
  indexes: [{ name: 'live_chat_organizations_name_idx', columns: ['name'] }],
});
