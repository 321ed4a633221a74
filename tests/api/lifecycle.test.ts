import { bootStrapi } from '../harness/strapi';

describe('the test harness', () => {
  it('boots, answers and shuts down Strapi twice in one jest run', async () => {
    for (let round = 1; round <= 2; round += 1) {
      const app = await bootStrapi();
      const health = await app.http().get('/_health');
      expect(health.status).toBe(204);
      expect(app.strapi.plugin('live-chat')).toBeDefined();
      await app.stop();
    }
  });
});
