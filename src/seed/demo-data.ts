/**
 * The demo's fixed accounts. They exist only on a development database seeded by `npm start`;
 * change the passwords (or set LIVE_CHAT_DEMO_SEED=false) before exposing the app anywhere.
 */
export const DEMO_ADMIN = {
  firstname: 'Alex',
  lastname: 'Admin',
  email: 'admin@livechat.local',
  password: 'LiveChat-Admin-1',
};

export const DEMO_AGENTS = [
  { firstname: 'Ada', lastname: 'Agent', email: 'ada@livechat.local', password: 'LiveChat-Agent-1' },
  { firstname: 'Björn', lastname: 'Agent', email: 'bjorn@livechat.local', password: 'LiveChat-Agent-2' },
];

export const AGENT_ROLE = {
  name: 'Live Chat Agent',
  description: 'Works chats in the Live Chat inbox',
};

export const DEMO_PLAYBOOK = {
  name: 'Live Chat (demo)',
};

/** The languages of the widget and the inbox (E5) besides English, added to the i18n plugin at seed time. */
export const DEMO_LOCALES = ['tr', 'id', 'it', 'sv', 'es'] as const;

const text = (value: string, marks: { bold?: true; italic?: true } = {}) => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: ReturnType<typeof text>[]) => ({ type: 'paragraph', children });

/**
 * The Swedish copy of the demo playbook (E5): the Live Chat template's texts, by card position.
 * Only texts: the structure (cards, order, links) stays the English one's.
 */
export const DEMO_PLAYBOOK_SWEDISH = {
  locale: 'sv',
  name: 'Livechatt (demo)',
  cards: [
    { settings: { message: [paragraph(text('Hej! Tack för ditt besök. Hur kan vi hjälpa dig i dag?'))] } },
    {
      onlineMessage: [
        paragraph(text('Någon i vårt team', { bold: true }), text(' är med dig om en liten stund.')),
        paragraph(text('Berätta gärna under tiden lite om vad du behöver.')),
      ],
      offlineMessage: [
        paragraph(text('Tyvärr är ingen tillgänglig just nu.')),
        paragraph(text('Lämna ditt namn och din e-post så hör vi av oss, '), text('oftast inom en arbetsdag', { italic: true }), text('.')),
      ],
    },
    { settings: { prompt: [paragraph(text('Hur kan vi nå dig?'))] } },
    { settings: { title: 'Livechatt: förfrågan utanför öppettid' } },
    { settings: { message: [paragraph(text('Tack! Vi har dina uppgifter och hör av oss snart.'))] } },
  ],
};

/**
 * G3: canned replies of the demo, each in English (the default locale) and Swedish. Agents insert
 * them by typing `/` and the shortcut in the inbox's reply box; placeholders are filled on insert.
 */
export const DEMO_CANNED_REPLIES = [
  {
    en: { shortcut: 'hello', title: 'Greeting', body: 'Hi {visitor.name}! I am {agent.name}. How can I help you today?' },
    sv: { shortcut: 'hej', title: 'Hälsning', body: 'Hej {visitor.name}! Jag heter {agent.name}. Hur kan jag hjälpa dig i dag?' },
  },
  {
    en: { shortcut: 'pricing', title: 'Where to find prices', body: 'You find every plan and its price on our [pricing page](https://example.com/pricing).' },
    sv: { shortcut: 'priser', title: 'Var priserna finns', body: 'Alla paket och priser finns på vår [prissida](https://example.com/pricing).' },
  },
  {
    en: { shortcut: 'thanks', title: 'Thanks and goodbye', body: 'Thank you for chatting with us, {visitor.name}. Have a **great** day!' },
    sv: { shortcut: 'tack', title: 'Tack och hej då', body: 'Tack för att du chattade med oss, {visitor.name}. Ha en **riktigt** fin dag!' },
  },
];
