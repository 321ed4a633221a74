import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import * as React from 'react';
import type { PlaybookLocale } from '../../../shared/contracts/playbooks';
import { useT } from '../hooks/useT';

interface SwitcherProps {
  locales: PlaybookLocale[];
  /** The locale shown (a copy's, or the default's). */
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}

/** E5: which language of the playbook the editor shows; locales without a copy say so. */
export const LocaleSwitcher = ({ locales, value, onChange, disabled }: SwitcherProps) => {
  const tr = useT();
  if (locales.length < 2) return null;
  return (
    <Field.Root name="locale">
      <Field.Label>{tr('editor.locale.label', 'Language')}</Field.Label>
      <SingleSelect value={value} disabled={disabled} onChange={(code: string | number) => onChange(String(code))} size="S">
        {locales.map((locale) => (
          <SingleSelectOption key={locale.code} value={locale.code}>
            {locale.isDefault
              ? tr('editor.locale.default', '{language} (default)', {
                  language: locale.name,
                })
              : locale.hasCopy
                ? locale.name
                : tr('editor.locale.noCopy', '{language}: no copy yet', {
                    language: locale.name,
                  })}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

interface CreateCopyProps {
  /** The locale without a copy yet. */
  target: PlaybookLocale;
  /** Every locale; those with a copy can be the source. */
  locales: PlaybookLocale[];
  canManage: boolean;
  busy: boolean;
  onCreate: (from: string) => void;
}

/** E5: "Create the Swedish copy from English": the copy starts with the texts of the source; the structure is the default's. */
export const CreateCopyPanel = ({ target, locales, canManage, busy, onCreate }: CreateCopyProps) => {
  const tr = useT();
  const sources = locales.filter((l) => l.hasCopy);
  const [from, setFrom] = React.useState(sources.find((l) => l.isDefault)?.code ?? sources[0]?.code ?? '');
  const source = sources.find((l) => l.code === from);
  return (
    <Box padding={6} background="neutral0" hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography>
          {tr('editor.copy.none', 'This playbook has no {language} copy yet.', {
            language: target.name,
          })}
        </Typography>
        {canManage && (
          <>
            <Field.Root
              name="copyFrom"
              hint={tr(
                'editor.copy.hint',
                'The copy starts with these texts; cards, links and buttons stay those of the default language.',
              )}
            >
              <Field.Label>{tr('editor.copy.from', 'Start from')}</Field.Label>
              <SingleSelect value={from} onChange={(code: string | number) => setFrom(String(code))}>
                {sources.map((l) => (
                  <SingleSelectOption key={l.code} value={l.code}>
                    {l.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
            <Box>
              <Button startIcon={<Plus />} loading={busy} disabled={!source} onClick={() => onCreate(from)}>
                {tr('editor.copy.create', 'Create the {language} copy from {source}', {
                  language: target.name,
                  source: source?.name ?? '',
                })}
              </Button>
            </Box>
          </>
        )}
      </Flex>
    </Box>
  );
};
