import { CANNED_REPLY_LIMITS } from '../../../shared/domain/canned-replies';
import { defineContentType } from './define';
import { localized, perLocale } from './playbook';

/**
 * G3: a saved answer an agent inserts from the composer with `/shortcut`. Localized with Strapi's
 * i18n plugin like playbooks: each locale's copy has its own shortcut, title and text; the composer
 * offers the copy in the visitor's language, else the default locale's (shared/domain/canned-replies.ts).
 * Plugin-only: managed in Settings > Live Chat > Canned replies, never in the Content Manager.
 */
export default localized(
  defineContentType({
    singularName: 'canned-reply',
    pluralName: 'canned-replies',
    displayName: 'Canned reply',
    description: 'A saved answer agents insert in the inbox composer',
    visibleInContentManager: false,
    attributes: {
      shortcut: perLocale({ type: 'string', required: true, maxLength: CANNED_REPLY_LIMITS.shortcutMax }),
      title: perLocale({ type: 'string', required: true, maxLength: CANNED_REPLY_LIMITS.titleMax }),
      body: perLocale({ type: 'text', required: true, maxLength: CANNED_REPLY_LIMITS.bodyMax }),
    },
    // A shortcut is unique per locale; the index settles two saves at once (the second answers 409).
    indexes: [{ name: 'live_chat_canned_replies_shortcut_uq', columns: ['locale', 'shortcut'], type: 'unique' }],
  }),
);
