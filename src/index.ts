import type { Core } from '@strapi/strapi';
import { seedDemo } from './seed/demo';

export default {
  register() {},

  /**
   * First start: seed the demo (admin, two agents, a Live Chat playbook). On by default outside
   * production; LIVE_CHAT_DEMO_SEED=true|false decides explicitly.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const setting = process.env.LIVE_CHAT_DEMO_SEED;
    const seed = setting ? setting === 'true' : process.env.NODE_ENV !== 'production';
    if (seed) await seedDemo(strapi);
  },
};
