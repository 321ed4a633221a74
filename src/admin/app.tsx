import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // E5: the reference article's languages, beside English.
    locales: ['tr', 'id', 'it', 'sv', 'es'],
  },
  bootstrap(_app: StrapiApp) {},
};
