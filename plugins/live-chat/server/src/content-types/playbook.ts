import { uid } from '../../../shared/constants';
import { defineContentType, hasMany } from './define';

/** i18n: this attribute differs per locale (the i18n plugin keeps the others shared across locales). */
export const perLocale = <T extends Record<string, unknown>>(attribute: T) => ({
  ...attribute,
  pluginOptions: { i18n: { localized: true } },
});
/** i18n: the attribute is the same in every locale; the i18n plugin copies it to all of them on write. */
export const shared = <T extends Record<string, unknown>>(attribute: T) => ({
  ...attribute,
  pluginOptions: { i18n: { localized: false } },
});

/** Turns a schema into a localized one (Strapi's i18n plugin): one row per locale (and version) per document. */
export function localized<D extends { schema: { pluginOptions: Record<string, unknown> } }>(definition: D): D {
  return { ...definition, schema: { ...definition.schema, pluginOptions: { ...definition.schema.pluginOptions, i18n: { localized: true } } } };
}

/**
 * A1, A8: an ordered chatbot flow of cards; only a published, active playbook runs. Localized: each
 * locale has its own name; whether it runs and where is shared (the default locale decides).
 */
export default localized(
  defineContentType({
    singularName: 'playbook',
    pluralName: 'playbooks',
    displayName: 'Playbook',
    description: 'A chatbot flow of cards shown by the widget',
    draftAndPublish: true,
    visibleInContentManager: false,
    attributes: {
      name: perLocale({ type: 'string', required: true, maxLength: 120 }),
      active: shared({ type: 'boolean', default: false, required: true }),
      // A8: URL patterns ("/pricing*", "https://example.com/blog/*") the playbook is shown on.
      targetUrlPatterns: shared({ type: 'json' }),
      cards: hasMany(uid('card'), 'playbook'),
    },
  }),
);
