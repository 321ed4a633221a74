import {
  DatePicker,
  Field,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../hooks/useT';
import { currencyOptions } from './currencies';
import { dateFromIso, isoFromDate, type SidePanelField, type SidePanelForm } from './form';

interface Props {
  form: SidePanelForm;
  errors: Partial<Record<SidePanelField, string>>;
  disabled: boolean;
  setField: <K extends keyof SidePanelForm>(field: K, value: SidePanelForm[K]) => void;
}

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={3} tag="fieldset" style={{ border: 0, margin: 0, padding: 0 }}>
    <Typography variant="sigma" textColor="neutral600" tag="legend" paddingBottom={1}>
      {title}
    </Typography>
    {children}
  </Flex>
);

/** C1: deal, person, organization and notes, each with the API's field error under it. */
export const SidePanelFields = ({ form, errors, disabled, setField }: Props) => {
  const tr = useT();
  const { locale } = useIntl();
  const currencies = React.useMemo(() => currencyOptions(locale, form.dealCurrency), [locale, form.dealCurrency]);
  const text = (field: Exclude<SidePanelField, 'dealValue' | 'dealCurrency' | 'expectedCloseDate' | 'notes'>) =>
    (event: React.ChangeEvent<HTMLInputElement>) => setField(field, event.target.value);

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Section title={tr('sidePanel.section.deal', 'Deal')}>
        <Grid.Root gap={2}>
          <Grid.Item col={6} direction="column" alignItems="stretch">
            <Field.Root name="dealValue" error={errors.dealValue}>
              <Field.Label>{tr('sidePanel.dealValue', 'Deal value')}</Field.Label>
              <NumberInput
                value={form.dealValue}
                onValueChange={(value) => setField('dealValue', value)}
                disabled={disabled}
                step={1}
                locale={locale}
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} direction="column" alignItems="stretch">
            <Field.Root name="dealCurrency" error={errors.dealCurrency}>
              <Field.Label>{tr('sidePanel.dealCurrency', 'Currency')}</Field.Label>
              <SingleSelect
                value={form.dealCurrency || null}
                onChange={(value) => setField('dealCurrency', String(value))}
                onClear={() => setField('dealCurrency', '')}
                placeholder={tr('sidePanel.dealCurrency.placeholder', 'Choose')}
                // The narrow column shows the code; the list names each currency.
                customizeContent={(value) => String(value ?? '')}
                disabled={disabled}
              >
                {currencies.map((option) => (
                  <SingleSelectOption key={option.code} value={option.code}>
                    {option.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        <Field.Root name="expectedCloseDate" error={errors.expectedCloseDate}>
          <Field.Label>{tr('sidePanel.expectedCloseDate', 'Expected close date')}</Field.Label>
          <DatePicker
            value={dateFromIso(form.expectedCloseDate)}
            onChange={(date) => setField('expectedCloseDate', isoFromDate(date))}
            onClear={() => setField('expectedCloseDate', '')}
            clearLabel={tr('sidePanel.expectedCloseDate.clear', 'Clear the date')}
            locale={locale}
            disabled={disabled}
          />
          <Field.Error />
        </Field.Root>
      </Section>

      <Section title={tr('sidePanel.section.person', 'Person')}>
        <Field.Root name="personName" error={errors.personName}>
          <Field.Label>{tr('sidePanel.personName', 'Person name')}</Field.Label>
          <TextInput value={form.personName} onChange={text('personName')} disabled={disabled} autoComplete="off" />
          <Field.Error />
        </Field.Root>
        <Field.Root name="personEmail" error={errors.personEmail}>
          <Field.Label>{tr('sidePanel.personEmail', 'Email')}</Field.Label>
          <TextInput type="email" value={form.personEmail} onChange={text('personEmail')} disabled={disabled} autoComplete="off" />
          <Field.Error />
        </Field.Root>
        <Field.Root name="personPhone" error={errors.personPhone} hint={tr('sidePanel.personPhone.hint', 'With + and the country code')}>
          <Field.Label>{tr('sidePanel.personPhone', 'Phone')}</Field.Label>
          <TextInput type="tel" value={form.personPhone} onChange={text('personPhone')} disabled={disabled} autoComplete="off" />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Section>

      <Section title={tr('sidePanel.section.organization', 'Organization')}>
        <Field.Root name="organizationName" error={errors.organizationName}>
          <Field.Label>{tr('sidePanel.organizationName', 'Organization name')}</Field.Label>
          <TextInput value={form.organizationName} onChange={text('organizationName')} disabled={disabled} autoComplete="off" />
          <Field.Error />
        </Field.Root>
        <Field.Root name="organizationAddress" error={errors.organizationAddress}>
          <Field.Label>{tr('sidePanel.organizationAddress', 'Address')}</Field.Label>
          <TextInput value={form.organizationAddress} onChange={text('organizationAddress')} disabled={disabled} autoComplete="off" />
          <Field.Error />
        </Field.Root>
      </Section>

      <Section title={tr('sidePanel.section.notes', 'Notes')}>
        <Field.Root name="notes" error={errors.notes}>
          <Field.Label>{tr('sidePanel.notes', 'Notes')}</Field.Label>
          <Textarea
            value={form.notes}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setField('notes', event.target.value)}
            disabled={disabled}
          />
          <Field.Error />
        </Field.Root>
      </Section>
    </Flex>
  );
};
