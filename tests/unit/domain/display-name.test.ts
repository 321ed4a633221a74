import { displayNameOf, displayNameText } from '../../../plugins/live-chat/shared/domain/display-name';
import { messagePreview } from '../../../plugins/live-chat/shared/domain/message-preview';
import { presentNotification } from '../../../plugins/live-chat/admin/src/notifications/present';

/** Issue 14: one name for a chat everywhere (list, header, side panel, notifications, webhooks). */
describe('displayNameOf', () => {
  it('prefers the side panel person, then the identify name, then an email', () => {
    const base = { visitorId: 1234 };
    expect(displayNameOf({ ...base, personName: 'Jane Roe', visitorName: 'jr', visitorEmail: 'j@x.test' })).toEqual({ kind: 'named', name: 'Jane Roe' });
    expect(displayNameOf({ ...base, personName: '  ', visitorName: 'Jay' })).toEqual({ kind: 'named', name: 'Jay' });
    expect(displayNameOf({ ...base, personEmail: 'p@x.test', visitorEmail: 'v@x.test' })).toEqual({ kind: 'named', name: 'p@x.test' });
    expect(displayNameOf({ ...base, visitorEmail: 'v@x.test' })).toEqual({ kind: 'named', name: 'v@x.test' });
  });

  it('labels a visitor nobody named by their id, stable and distinct', () => {
    expect(displayNameText(displayNameOf({ visitorId: 1234 }))).toBe('Visitor #1234');
    expect(displayNameText(displayNameOf({ visitorId: 1235 }))).toBe('Visitor #1235');
    expect(displayNameText(displayNameOf({ visitorId: null }))).toBe('Visitor');
    expect(displayNameText(displayNameOf({ visitorId: 7 }), (n) => `Besökare #${n}`)).toBe('Besökare #7');
  });
});

describe('messagePreview', () => {
  it('is plain text: no markup characters, one line, at most 200 characters', () => {
    expect(messagePreview('**Hello** _there_, see [the docs](https://x.test)\n- one\n- two')).toBe('Hello there, see the docs • one • two');
    expect(messagePreview('a'.repeat(300))).toHaveLength(200);
  });
});

describe('desktop notifications use the same name', () => {
  const translate = (_key: string, text: string, values: Record<string, string> = {}) =>
    text.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');
  const base = { kind: 'conversationUnassigned' as const, documentId: 'd', title: 't', body: 'b' };

  it('words the anonymous label like the list, and a known name as it is', () => {
    expect(presentNotification({ ...base, visitorName: null, visitorNumber: 42 }, translate).body).toBe('Visitor #42 is waiting for an agent');
    expect(presentNotification({ ...base, visitorName: 'Jane Roe', visitorNumber: null }, translate).body).toBe('Jane Roe is waiting for an agent');
    expect(presentNotification({ ...base, visitorName: null, visitorNumber: null }, translate).body).toBe('A visitor is waiting for an agent');
  });
});
