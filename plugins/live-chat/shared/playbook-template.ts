/**
 * A1: the built-in playbook templates. The Live Chat template greets the visitor, hands them to an
 * agent (A3), and when nobody is available (A7, B9) asks for their name and email and files a lead.
 * Cards follow each other by position, so the template needs no card ids: the Live Chat card's
 * offline path is simply the card after it.
 */
import { WAIT_TIME_SECONDS, type CardKind } from './constants';
import type { PlaybookTemplateName } from './contracts/playbooks';
import type { RichInline, RichText } from './domain/rich-text';

export interface TemplateCard {
  kind: CardKind;
  title: string;
  settings: Record<string, unknown>;
  onlineMessage?: RichText;
  waitTimeSeconds?: number;
  offlineMessage?: RichText;
}

export interface PlaybookTemplate {
  active: boolean;
  targetUrlPatterns: string[];
  cards: TemplateCard[];
}

const text = (value: string, marks: { bold?: true; italic?: true } = {}): RichInline => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: RichInline[]): RichText[number] => ({ type: 'paragraph', children });

const LIVE_CHAT: PlaybookTemplate = {
  // Ready to run once saved: shown on every page of the site the widget is embedded on.
  active: true,
  targetUrlPatterns: ['/*'],
  cards: [
    {
      kind: 'bot_message',
      title: 'Greeting',
      settings: { message: [paragraph(text('Hi there! Thanks for visiting. How can we help you today?'))] },
    },
    {
      kind: 'live_chat',
      title: 'Live Chat',
      settings: {},
      onlineMessage: [
        paragraph(text('One of our team', { bold: true }), text(' will be with you in a moment.')),
        paragraph(text('Meanwhile, tell us a little about what you need.')),
      ],
      waitTimeSeconds: WAIT_TIME_SECONDS.default,
      offlineMessage: [
        paragraph(text('Sorry, nobody is available right now.')),
        paragraph(text('Leave your name and email and we will get back to you, '), text('usually within one business day', { italic: true }), text('.')),
      ],
    },
    {
      kind: 'capture',
      title: 'Contact details',
      settings: {
        prompt: [paragraph(text('How can we reach you?'))],
        fields: ['name', 'email'],
        required: ['name', 'email'],
      },
    },
    { kind: 'create_lead', title: 'Create lead', settings: { title: 'Live Chat: offline request' } },
    {
      kind: 'bot_message',
      title: 'Thank you',
      settings: { message: [paragraph(text('Thanks! We have your details and will be in touch soon.'))], next: null },
    },
  ],
};

const EMPTY: PlaybookTemplate = { active: false, targetUrlPatterns: [], cards: [] };

export const PLAYBOOK_TEMPLATE_CONTENT: Readonly<Record<PlaybookTemplateName, PlaybookTemplate>> = {
  live_chat: LIVE_CHAT,
  empty: EMPTY,
};
