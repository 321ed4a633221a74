import { bootStrapi, type TestApp } from '../harness/strapi';

/** E5: the demo seed adds the widget's languages to the i18n plugin and a Swedish copy of the demo playbook. */
let demo: TestApp | undefined;
afterAll(async () => {
  await demo?.stop();
});

const textOf = (richText: unknown): string =>
  JSON.stringify(richText ?? null).match(/"text":"([^"]*)"/g)?.map((m) => m.slice(8, -1)).join(' ') ?? '';

describe('E5: the demo seed', () => {
  it('adds the widget’s languages as locales and a published Swedish copy of the demo playbook', async () => {
    demo = await bootStrapi({ env: { LIVE_CHAT_DEMO_SEED: 'true' } });
    const codes = (await demo.strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code).sort();
    expect(codes).toEqual(['en', 'es', 'id', 'it', 'sv', 'tr']);
    const [summary] = await demo.strapi.plugin('live-chat').service('playbooks').list();
    const playbooks = demo.strapi.plugin('live-chat').service('playbooks');
    const swedish = await playbooks.findRunnablePlaybook(summary.documentId, 'sv-SE');
    expect(swedish).toMatchObject({ locale: 'sv', name: 'Livechatt (demo)' });
    expect(textOf(swedish.cards[0].settings.message)).toMatch(/^Hej!/);
    expect(textOf(swedish.cards[1].offlineMessage)).toMatch(/Tyvärr/);
    const english = await playbooks.findRunnablePlaybook(summary.documentId, 'en-GB');
    expect(english).toMatchObject({ locale: 'en', name: 'Live Chat (demo)' });
    expect(swedish.cards.map((c: { id: string; kind: string }) => [c.id, c.kind])).toEqual(english.cards.map((c: { id: string; kind: string }) => [c.id, c.kind]));
  });
});
