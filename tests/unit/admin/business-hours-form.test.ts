import { hoursFormOf, hoursOfForm } from '../../../plugins/live-chat/admin/src/assignment/business-hours-form';
import * as forms from '../../../plugins/live-chat/admin/src/components/card-forms/state';
import { newCardDraft } from '../../../plugins/live-chat/admin/src/utils/cards';
import { validateCard } from '../../../plugins/live-chat/shared/domain/playbook-cards';

/** G7: the Live Chat card form's auto-assignment switch and business hours, both ways. */
describe('business hours form', () => {
  const hours = {
    timeZone: 'Europe/Stockholm',
    weekly: { monday: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }], friday: [{ from: '09:00', to: '15:00' }] },
    holidays: ['2026-12-24', '2026-12-25'],
  };

  it('round-trips stored hours through what the admin types', () => {
    const form = hoursFormOf(hours, 'UTC');
    expect(form).toMatchObject({ enabled: true, timeZone: 'Europe/Stockholm', holidays: '2026-12-24\n2026-12-25' });
    expect(form.days.monday).toBe('09:00-12:00, 13:00-17:00');
    expect(form.days.sunday).toBe('');
    expect(hoursOfForm(form)).toEqual(hours);
  });

  it('starts a new schedule disabled, in the given zone, Monday to Friday 9 to 17', () => {
    const form = hoursFormOf(null, 'America/New_York');
    expect(form).toMatchObject({ enabled: false, timeZone: 'America/New_York' });
    expect(form.days.friday).toBe('09:00-17:00');
    expect(form.days.saturday).toBe('');
    expect(hoursOfForm(form)).toBeNull();
  });

  it('sends what does not parse as typed, so the server points at it', () => {
    const form = { ...hoursFormOf(null, 'UTC'), enabled: true, days: { ...hoursFormOf(null, 'UTC').days, monday: '9am' }, holidays: 'soon, 2026-01-01' };
    const sent = hoursOfForm(form)!;
    expect(sent.weekly.monday).toEqual([{ from: '9am', to: '' }]);
    expect(sent.holidays).toEqual(['soon', '2026-01-01']);
  });

  it('puts the switch and the hours in the Live Chat card body, which passes the card schema', () => {
    const state = forms.liveChat.init({ ...newCardDraft('live_chat'), settings: { autoAssign: true, businessHours: hours } });
    expect(state.autoAssign).toBe(true);
    const body = forms.liveChat.toBody(state);
    expect(body.settings).toMatchObject({ autoAssign: true, businessHours: hours });
    expect(validateCard({ kind: 'live_chat', ...body, settings: body.settings ?? null })).toEqual([]);
    const off = forms.liveChat.toBody({ ...state, autoAssign: false, hours: { ...state.hours, enabled: false } });
    expect(off.settings).toMatchObject({ autoAssign: false, businessHours: null });
  });
});
