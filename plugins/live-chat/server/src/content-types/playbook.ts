import { uid } from '../../../shared/constants';
import { defineContentType, hasMany } from './define';

/** A1, A8: an ordered chatbot flow of cards; only a published, active playbook runs. */
export default defineContentType({
  singularName: 'playbook',
  pluralName: 'playbooks',
  displayName: 'Playbook',
  description: 'A chatbot flow of cards shown by the widget',
  draftAndPublish: true,
  visibleInContentManager: true,
  attributes: {
    name: { type: 'string', required: true, maxLength: 120 },
    active: { type: 'boolean', default: false, required: true },
    // A8: URL patterns ("/pricing*", "https://example.com/blog/*") the playbook is shown on.
    targetUrlPatterns: { type: 'json' },
    cards: hasMany(uid('card'), 'playbook'),
  },
});
