import { CARD_KINDS, WAIT_TIME_SECONDS, uid } from '../../../shared/constants';
import { defineContentType, enumeration } from './define';

/**
 * A6: one step of a playbook. Kind-specific settings live in `settings`; the Live Chat card's three
 * fields (A3) are first-class columns because admins edit them and the widget renders them.
 */
export default defineContentType({
  singularName: 'card',
  pluralName: 'cards',
  displayName: 'Playbook card',
  draftAndPublish: true,
  visibleInContentManager: true,
  attributes: {
    playbook: { type: 'relation', relation: 'manyToOne', target: uid('playbook'), inversedBy: 'cards' },
    position: { type: 'integer', required: true, min: 0, default: 0 },
    kind: enumeration(CARD_KINDS, { required: true }),
    title: { type: 'string', maxLength: 120 },
    settings: { type: 'json' },
    onlineMessage: { type: 'blocks' },
    waitTimeSeconds: {
      type: 'integer',
      min: WAIT_TIME_SECONDS.min,
      max: WAIT_TIME_SECONDS.max,
      default: WAIT_TIME_SECONDS.default,
    },
    offlineMessage: { type: 'blocks' },
  },
});
