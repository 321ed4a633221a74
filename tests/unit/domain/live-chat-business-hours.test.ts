import { next, initialFlowState, type FlowPlaybook } from '../../../plugins/live-chat/shared/domain/playbook-flow';
import type { RichText } from '../../../plugins/live-chat/shared/domain/rich-text';

/** G7, A7: the flow engine's Live Chat card outside business hours, and its auto-assignment flag. */
const rt = (text: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const hours = { timeZone: 'Europe/Stockholm', weekly: { monday: [{ from: '09:00', to: '17:00' }] }, holidays: ['2026-12-14'] };
const playbook = (settings: Record<string, unknown>): FlowPlaybook => ({
  id: 'pb',
  name: 'Hours',
  cards: [
    { id: 'live', kind: 'live_chat', position: 0, settings, onlineMessage: rt('Online'), offlineMessage: rt('Offline'), waitTimeSeconds: 60 },
    { id: 'after', kind: 'bot_message', position: 1, settings: { message: rt('Leave your email') } },
  ],
});
const start = (pb: FlowPlaybook, now: string) => next(pb, initialFlowState(), { type: 'start' }, { agentsOnline: true }, new Date(now));

describe('G7 the Live Chat card and business hours', () => {
  it('outside hours runs the offline path at once, agents online or not, and says when the team is back', () => {
    const r = start(playbook({ businessHours: hours }), '2026-12-05T11:00:00Z');
    if (!r.ok) throw new Error('refused');
    expect(r.show).toEqual([
      { kind: 'live_chat_offline', cardId: 'live', message: rt('Offline'), backAt: '2026-12-07T08:00:00.000Z' },
      { kind: 'message', cardId: 'after', richText: rt('Leave your email') },
    ]);
    expect(r.effects).toEqual([]);
    expect(r.state.phase).toBe('ended');
  });

  it('on a holiday is closed too, back at the next opening after it', () => {
    const r = start(playbook({ businessHours: hours }), '2026-12-14T10:00:00Z');
    if (!r.ok) throw new Error('refused');
    expect(r.show[0]).toMatchObject({ kind: 'live_chat_offline', backAt: '2026-12-21T08:00:00.000Z' });
  });

  it('inside hours hands over as usual, with the card’s auto-assignment flag on the effect', () => {
    const r = start(playbook({ businessHours: hours, autoAssign: true }), '2026-12-07T09:00:00Z');
    if (!r.ok) throw new Error('refused');
    expect(r.show.map((d) => d.kind)).toEqual(['live_chat_online']);
    expect(r.effects).toEqual([{ type: 'start_conversation', cardId: 'live', waitTimeSeconds: 60, autoAssign: true }]);
  });

  it('with every agent offline inside hours, shows no back-at time (nobody knows when one comes)', () => {
    const r = next(playbook({ businessHours: hours }), initialFlowState(), { type: 'start' }, { agentsOnline: false }, new Date('2026-12-07T09:00:00Z'));
    if (!r.ok) throw new Error('refused');
    expect(r.show[0]).toEqual({ kind: 'live_chat_offline', cardId: 'live', message: rt('Offline') });
  });
});
