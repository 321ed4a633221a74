import type { Core } from '@strapi/strapi';
import { adminAction } from '../../plugins/live-chat/shared/constants';
import { AGENT_ROLE, DEMO_ADMIN, DEMO_AGENTS, DEMO_CANNED_REPLIES, DEMO_LOCALES, DEMO_PLAYBOOK, DEMO_PLAYBOOK_SWEDISH } from './demo-data';

interface AdminRole {
  id: number;
}

/**
 * Seeds the demo once: on a database that has no admin user yet. A second start finds the admin
 * and leaves everything as it is.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<void> {
  const adminCount = await strapi.db.query('admin::user').count();
  if (adminCount > 0) return;

  const roles = strapi.service('admin::role');
  const users = strapi.service('admin::user');
  const superAdmin: AdminRole = await roles.getSuperAdmin();
  const agentRole: AdminRole = await roles.create(AGENT_ROLE);
  await roles.assignPermissions(agentRole.id, [
    { action: adminAction('useInbox'), subject: null, properties: {}, conditions: [] },
  ]);

  await users.create({ ...DEMO_ADMIN, isActive: true, roles: [superAdmin.id] });
  for (const agent of DEMO_AGENTS) {
    await users.create({ ...agent, isActive: true, roles: [agentRole.id] });
  }
  await seedLocales(strapi);
  await seedPlaybook(strapi);
  await seedCannedReplies(strapi);

  const lines = [
    'Live Chat demo seeded. Sign in at /admin with:',
    `  super admin  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    ...DEMO_AGENTS.map((agent) => `  agent        ${agent.email} / ${agent.password}`),
  ];
  strapi.log.info(`\n${lines.join('\n')}\n`);
}

interface LocaleService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
}
interface IsoLocaleService {
  getIsoLocales(): Array<{ code: string; name: string }>;
}

/** E5: the six languages of the widget and inbox as i18n locales (English is the i18n default), so playbooks can have copies in them. */
async function seedLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales') as unknown as LocaleService;
  const iso = strapi.plugin('i18n').service('iso-locales') as unknown as IsoLocaleService;
  const names = new Map(iso.getIsoLocales().map((l) => [l.code, l.name]));
  for (const code of DEMO_LOCALES) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name: names.get(code) ?? code });
  }
}

/**
 * The demo playbook is the plugin's own Live Chat template, published, so the widget has a flow to
 * run, with a published Swedish copy, so a Swedish page shows the flow in Swedish.
 */
async function seedPlaybook(strapi: Core.Strapi) {
  const playbooks = strapi.plugin('live-chat').service('playbooks');
  const origin = `http://localhost:${process.env.PORT ?? 1337}`;
  const created = await playbooks.create({ name: DEMO_PLAYBOOK.name, template: 'live_chat' }, origin);
  await playbooks.publish(created.documentId, origin);

  const { locale, name, cards } = DEMO_PLAYBOOK_SWEDISH;
  const copy = await playbooks.createCopy(created.documentId, locale, undefined, origin);
  for (const [index, card] of copy.cards.entries()) {
    const texts = cards[index];
    if (texts) await playbooks.updateCard(created.documentId, card.documentId, texts, locale);
  }
  await playbooks.update(created.documentId, { name }, origin, locale);
  await playbooks.publish(created.documentId, origin, locale);
}

/** G3: a few canned replies, each in English and with its Swedish copy (the composer offers the visitor's language). */
async function seedCannedReplies(strapi: Core.Strapi) {
  const replies = strapi.plugin('live-chat').service('canned-replies');
  for (const { en, sv } of DEMO_CANNED_REPLIES) {
    const created = await replies.create(en, 'en');
    await replies.update(created.documentId, sv, 'sv');
  }
}
