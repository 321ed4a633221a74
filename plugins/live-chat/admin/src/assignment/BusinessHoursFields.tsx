import { Field, Flex, Grid, Textarea, TextInput, Toggle, Typography } from '@strapi/design-system';
import type * as React from 'react';
import { WEEKDAYS } from '../../../shared/domain/business-hours';
import { useT } from '../hooks/useT';
import type { BusinessHoursForm } from './business-hours-form';

interface Props {
  form: BusinessHoursForm;
  onChange: (form: BusinessHoursForm) => void;
  /** Field errors from the server by dotted path, rooted at the card (`settings.businessHours.…`). */
  errors: Record<string, string>;
}

const ROOT = 'settings.businessHours';
/** The first error at or under `path`. */
const errorUnder = (errors: Record<string, string>, path: string) =>
  Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];

/** G7: the Live Chat card's business hours: time zone, weekly intervals, holidays. */
export const BusinessHoursFields = ({ form, onChange, errors }: Props) => {
  const tr = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root
        name={ROOT}
        hint={tr('assignment.hours.enabledHint', 'Outside these hours the offline path runs at once and the widget says when the team is back.')}
      >
        <Field.Label>{tr('assignment.hours.enabled', 'Business hours')}</Field.Label>
        <Toggle
          checked={form.enabled}
          onLabel={tr('assignment.on', 'On')}
          offLabel={tr('assignment.off', 'Off')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...form, enabled: e.target.checked })}
        />
        <Field.Hint />
      </Field.Root>
      {form.enabled && (
        <>
          <Field.Root
            name={`${ROOT}.timeZone`}
            error={errorUnder(errors, `${ROOT}.timeZone`)}
            hint={tr('assignment.hours.timeZoneHint', 'An IANA time zone, e.g. Europe/Stockholm')}
            required
          >
            <Field.Label>{tr('assignment.hours.timeZone', 'Time zone')}</Field.Label>
            <TextInput value={form.timeZone} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...form, timeZone: e.target.value })} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Typography variant="pi" textColor="neutral600">
            {tr('assignment.hours.daysHint', 'Opening hours per day, e.g. 09:00-12:00, 13:00-17:00. Leave a day empty when closed.')}
          </Typography>
          <Grid.Root gap={2}>
            {WEEKDAYS.map((day) => (
              <Grid.Item key={day} col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name={`${ROOT}.weekly.${day}`} error={errorUnder(errors, `${ROOT}.weekly.${day}`)}>
                  <Field.Label>{tr(`assignment.day.${day}`, day)}</Field.Label>
                  <TextInput
                    value={form.days[day]}
                    placeholder={tr('assignment.hours.closed', 'Closed')}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...form, days: { ...form.days, [day]: e.target.value } })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>
          <Field.Root
            name={`${ROOT}.holidays`}
            error={errorUnder(errors, `${ROOT}.holidays`)}
            hint={tr('assignment.hours.holidaysHint', 'One date per line (YYYY-MM-DD); closed all day.')}
          >
            <Field.Label>{tr('assignment.hours.holidays', 'Holidays')}</Field.Label>
            <Textarea value={form.holidays} rows={3} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...form, holidays: e.target.value })} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </>
      )}
    </Flex>
  );
};
