import { CARD_KINDS, WAIT_TIME_SECONDS, uid } from '../../../shared/constants';
import { defineContentType, enumeration } from './define';
import { localized, perLocale, shared } from './playbook';

/**
 * A6: one step of a playbook. Kind-specific settings live in `settings`; the Live Chat card's three
 * fields (A3) are first-class columns because admins edit them and the widget renders them.
 * Localized: a card's copies share its document id (so `next` links hold in every locale); the
 * texts (settings, messages) are per locale, the structure columns are shared. The flow's links
 * are read from the default locale only (shared/domain/playbook-locales.ts).
 */
export default localized(
  defineContentType({
    singularName: 'card',
    pluralName: 'cards',
    displayName: 'Playbook card',
    draftAndPublish: true,
    visibleInContentManager: false,
    attributes: {
      playbook: { type: 'relation', relation: 'manyToOne', target: uid('playbook'), inversedBy: 'cards' },
      position: shared({ type: 'integer', required: true, min: 0, default: 0 }),
      kind: shared(enumeration(CARD_KINDS, { required: true })),
      title: shared({ type: 'string', maxLength: 120 }),
      settings: perLocale({ type: 'json' }),
      onlineMessage: perLocale({ type: 'blocks' }),
      waitTimeSeconds: shared({
        type: 'integer',
        min: WAIT_TIME_SECONDS.min,
        max: WAIT_TIME_SECONDS.max,
        default: WAIT_TIME_SECONDS.default,
      }),
      offlineMessage: perLocale({ type: 'blocks' }),
    },
  }),
);
