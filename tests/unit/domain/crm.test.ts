import {
  allowedActions,
  close,
  planCrmRecord,
  type ExistingRecords,
  type SidePanel,
} from '../../../plugins/live-chat/shared/domain';
import { alice, assignedTo, at, outsider } from './fixtures';

const nothingExisting: ExistingRecords = { personByEmail: null, organizationByName: null };

const fullPanel: SidePanel = {
  dealValue: 1200.5,
  dealCurrency: 'EUR',
  expectedCloseDate: '2026-06-30',
  personName: 'Ana López',
  personEmail: 'ana@example.es',
  personPhone: '+34612345678',
  organizationName: 'Acme SL',
  organizationAddress: 'Calle Mayor 1, Madrid',
  notes: 'wants a demo',
};

/** The plan of an accepted request, failing the test with the refusal otherwise. */
function planned(...args: Parameters<typeof planCrmRecord>) {
  const result = planCrmRecord(...args);
  if (!result.ok) throw new Error(`expected a plan, got ${result.refusal.code}: ${result.refusal.message}`);
  return result.plan;
}

describe('C2 Create lead', () => {
  it('creates person, organization and lead from the side panel when none exist yet', () => {
    expect(planned('lead', fullPanel, nothingExisting, alice, at(300))).toEqual({
      person: { create: { name: 'Ana López', email: 'ana@example.es', phone: '+34612345678' } },
      organization: { create: { name: 'Acme SL', address: 'Calle Mayor 1, Madrid' } },
      record: { kind: 'lead', title: 'Ana López lead', value: 1200.5, currency: 'EUR' },
      event: { type: 'lead_created', at: at(300), actorId: alice.id, data: { title: 'Ana López lead' } },
    });
  });

  it('reuses the person found by email and the organization found by name (de-duplication)', () => {
    const plan = planned('lead', fullPanel, { personByEmail: { id: 7 }, organizationByName: { id: 9 } }, alice, at(300));
    expect(plan.person).toEqual({ reuseId: 7 });
    expect(plan.organization).toEqual({ reuseId: 9 });
  });

  it('does not reuse a person by email when the side panel has no email', () => {
    const plan = planned('lead', { personName: 'Ana' }, { personByEmail: { id: 7 }, organizationByName: null }, alice, at(300));
    expect(plan.person).toEqual({ create: { name: 'Ana', email: null, phone: null } });
  });

  it('plans no person and no organization when the side panel has none', () => {
    const plan = planned('lead', { notes: 'just browsing' }, nothingExisting, alice, at(300));
    expect(plan.person).toBeNull();
    expect(plan.organization).toBeNull();
    expect(plan.record).toEqual({ kind: 'lead', title: 'Website visitor lead', value: null, currency: null });
  });

  it('creates a person from a phone number alone', () => {
    expect(planned('lead', { personPhone: '+46701234567' }, nothingExisting, alice, at(300)).person).toEqual({
      create: { name: null, email: null, phone: '+46701234567' },
    });
  });

  it('defaults the title to the email when there is no name', () => {
    expect(planned('lead', { personEmail: 'ana@example.es' }, nothingExisting, alice, at(300)).record.title).toBe(
      'ana@example.es lead',
    );
  });

  it('uses the title the agent gave, trimmed, and falls back to the default for a blank one', () => {
    expect(planned('lead', fullPanel, nothingExisting, alice, at(300), '  Spring campaign ').record.title).toBe('Spring campaign');
    expect(planned('lead', fullPanel, nothingExisting, alice, at(300), '   ').record.title).toBe('Ana López lead');
  });
});

describe('C2 Create deal', () => {
  it('creates a deal with value, currency and expected close date, and a deal_created event', () => {
    const plan = planned('deal', fullPanel, nothingExisting, alice, at(400));
    expect(plan.record).toEqual({
      kind: 'deal',
      title: 'Ana López deal',
      value: 1200.5,
      currency: 'EUR',
      expectedCloseDate: '2026-06-30',
    });
    expect(plan.event).toEqual({ type: 'deal_created', at: at(400), actorId: alice.id, data: { title: 'Ana López deal' } });
  });

  it('creates a deal without a value or close date', () => {
    expect(planned('deal', { personName: 'Ana' }, nothingExisting, alice, at(400)).record).toEqual({
      kind: 'deal',
      title: 'Ana deal',
      value: null,
      currency: null,
      expectedCloseDate: null,
    });
  });

  it('refuses a value without a currency rather than guessing one', () => {
    expect(planCrmRecord('deal', { dealValue: 500 }, nothingExisting, alice, at(400))).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', field: 'dealCurrency', message: 'A deal value needs a currency' },
    });
    expect(planCrmRecord('lead', { dealValue: 500, dealCurrency: null }, nothingExisting, alice, at(400))).toEqual({
      ok: false,
      refusal: { code: 'invalid_input', field: 'dealCurrency', message: 'A lead value needs a currency' },
    });
  });

  it('accepts a value of 0 with a currency', () => {
    expect(planned('deal', { dealValue: 0, dealCurrency: 'SEK' }, nothingExisting, alice, at(400)).record.value).toBe(0);
  });
});

describe('B7 / B8 / C2 The timeline event and closed conversations', () => {
  it('stamps the event with the time given, not the clock', () => {
    const then = new Date('2031-01-01T00:00:00.000Z');
    expect(planned('lead', fullPanel, nothingExisting, alice, then).event.at).toEqual(then);
  });

  it('does not share the Date it was given', () => {
    const now = at(300);
    const plan = planned('lead', fullPanel, nothingExisting, alice, now);
    now.setFullYear(1999);
    expect(plan.event.at).toEqual(at(300));
  });

  it('works after close, and leaves the closed conversation exactly as it was (B8)', () => {
    const closed = close(assignedTo(alice), alice, at(600));
    if (!closed.ok) throw new Error('setup: close should succeed');
    const snapshot = structuredClone(closed.state);
    expect(allowedActions(closed.state, alice).createDeal).toBe(true);
    const plan = planned('deal', fullPanel, nothingExisting, alice, at(5000));
    expect(plan.event).toMatchObject({ type: 'deal_created', at: at(5000) });
    // The plan carries no conversation state, so it cannot reopen or re-close anything.
    expect(Object.keys(plan).sort()).toEqual(['event', 'organization', 'person', 'record']);
    expect(closed.state).toEqual(snapshot);
  });

  it('refuses a user without inbox access', () => {
    const result = planCrmRecord('lead', fullPanel, nothingExisting, outsider, at(300));
    expect(result.ok ? 'ok' : result.refusal.code).toBe('not_allowed');
  });
});
