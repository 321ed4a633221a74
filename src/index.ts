import type { Core } from '@strapi/strapi';
import { seedDemo } from './seed/demo';

export default {
  register() {},

  /** First start: seed the demo (admin, two agents, a Live Chat playbook) unless turned off. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.LIVE_CHAT_DEMO_SEED !== 'false') {
      await seedDemo(strapi);
    }
  },
};
