import fc from 'fast-check';
import { CARD_KINDS } from '../../../plugins/live-chat/shared/constants';
import { anyJson, edgeNumber, edgeText, HOSTILE_KEYS, ownObject } from './values';

/**
 * Request bodies for the plugin's admin API write routes: each route's own fields with values that
 * are valid, nearly valid or anything at all, sometimes a stranger key, sometimes no object at all.
 */
type Fields = Record<string, fc.Arbitrary<unknown>>;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const richText = fc.oneof(fc.string({ maxLength: 30 }).map((text) => [paragraph(text)]), fc.jsonValue({ maxDepth: 3 }));
const smallInt = fc.oneof(fc.integer({ min: 0, max: 5 }), edgeNumber);

/** The fields of each admin write route, with values a client might send. */
export const ADMIN_FIELDS = {
  sidePanel: {
    dealValue: fc.oneof(fc.integer({ min: 0, max: 9_999_999_999 }).map((cents) => cents / 100), edgeNumber, edgeText),
    dealCurrency: fc.oneof(fc.constantFrom('EUR', 'SEK', 'usd', 'XYZ'), edgeText),
    expectedCloseDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), edgeText),
    personName: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), edgeText),
    personEmail: fc.oneof(fc.emailAddress(), edgeText),
    personPhone: fc.oneof(fc.constantFrom('+46 70 123 45 67', '+1 415 555 2671', '0701234567'), edgeText),
    organizationName: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), edgeText),
    organizationAddress: fc.oneof(fc.string({ maxLength: 60 }), edgeText),
    notes: fc.oneof(fc.string({ maxLength: 60 }), edgeText),
  },
  message: { clientId: fc.oneof(fc.uuid(), edgeText), body: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), edgeText) },
  reassign: { agentId: fc.oneof(fc.constant(null), smallInt, edgeText) },
  record: { title: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), edgeText) },
  availability: { availability: fc.oneof(fc.constantFrom('online', 'offline'), edgeText) },
  notifications: {
    conversationUnassigned: fc.oneof(fc.boolean(), anyJson),
    conversationAssignedToMe: fc.oneof(fc.boolean(), anyJson),
    messageInMyConversation: fc.oneof(fc.boolean(), anyJson),
    sound: fc.oneof(fc.boolean(), anyJson),
  },
  createPlaybook: { name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), edgeText), template: fc.oneof(fc.constantFrom('live_chat', 'empty'), edgeText) },
  updatePlaybook: {
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), edgeText),
    active: fc.oneof(fc.boolean(), anyJson),
    targetUrlPatterns: fc.oneof(fc.array(fc.constantFrom('/*', '/pricing', 'https://example.com/*', '*'), { maxLength: 3 }), fc.array(edgeText, { maxLength: 3 }), anyJson),
  },
  card: {
    kind: fc.oneof(fc.constantFrom(...CARD_KINDS), edgeText),
    title: fc.oneof(fc.string({ maxLength: 40 }), edgeText),
    settings: fc.oneof(
      fc.record({ message: richText }, { requiredKeys: [] }),
      fc.record({ prompt: fc.string({ maxLength: 20 }), buttons: fc.array(fc.record({ id: fc.string({ maxLength: 8 }), label: fc.string({ maxLength: 20 }) }), { maxLength: 3 }) }, { requiredKeys: [] }),
      fc.record({ title: fc.string({ maxLength: 20 }), value: edgeNumber, currency: fc.constantFrom('EUR', 'xx') }, { requiredKeys: [] }),
      fc.record({ subject: fc.string({ maxLength: 20 }), dueInHours: edgeNumber }, { requiredKeys: [] }),
      anyJson,
    ),
    onlineMessage: richText,
    waitTimeSeconds: fc.oneof(fc.integer({ min: 10, max: 3600 }), edgeNumber),
    offlineMessage: richText,
    position: smallInt,
  },
  locales: { from: fc.oneof(fc.constantFrom('en', 'sv', 'xx'), edgeText) },
} satisfies Record<string, Fields>;

/** A body of these fields: some of them (mostly well-typed), maybe a stranger, or not an object at all. */
export function bodyOf(fields: Fields, extra: Fields = {}): fc.Arbitrary<unknown> {
  const all: Fields = { ...fields, ...extra };
  const names = Object.keys(all);
  const own = fc
    .subarray(names)
    .chain((chosen) => fc.tuple(...chosen.map((name) => fc.oneof({ weight: 6, arbitrary: all[name] }, { weight: 1, arbitrary: anyJson }).map((value) => [name, value] as const))));
  const stranger = fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 'id', 'status', 'assignee'), fc.string({ maxLength: 8 })), anyJson);
  return fc.oneof(
    { weight: 10, arbitrary: own.map((entries) => ownObject(entries)) },
    { weight: 1, arbitrary: fc.tuple(own, stranger).map(([entries, extraEntry]) => ownObject([...entries, extraEntry])) },
    { weight: 1, arbitrary: anyJson },
  );
}
