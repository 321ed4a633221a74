import { uid } from '../../../shared/constants';
import { defineContentType, linkTo } from './define';

/** A5: a page the widget reported from; a playbook with no recent installation is "offline only". */
export default defineContentType({
  singularName: 'installation',
  pluralName: 'installations',
  displayName: 'Installation',
  visibleInContentManager: false,
  attributes: {
    playbook: linkTo(uid('playbook')),
    // The playbook's documentId, so one row per (playbook, origin, path) can be a unique key.
    playbookDocumentId: { type: 'string', required: true, maxLength: 64 },
    origin: { type: 'string', required: true, maxLength: 255 },
    path: { type: 'string', required: true, maxLength: 1024 },
    lastSeenAt: { type: 'datetime', required: true },
  },
  indexes: [
    {
      name: 'live_chat_installations_page_uq',
      columns: ['playbook_document_id', 'origin', 'path'],
      type: 'unique',
    },
  ],
});
