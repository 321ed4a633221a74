import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../hooks/useT';

interface Props {
  title: string;
  description: string;
  /** Null hides the Save button (read-only section). */
  onSave: (() => void) | null;
  dirty: boolean;
  saving: boolean;
  children: React.ReactNode;
}

/** A white card with a title, a description and its own Save, like Strapi's settings sections. */
export const SettingsSection = ({ title, description, onSave, dirty, saving, children }: Props) => {
  const tr = useT();
  const id = React.useId();
  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6} tag="section" aria-labelledby={id}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Typography variant="delta" tag="h2" id={id}>
              {title}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {description}
            </Typography>
          </Flex>
          {onSave && (
            <Button startIcon={<Check />} onClick={onSave} disabled={!dirty || saving} loading={saving}>
              {tr('notifications.settings.save', 'Save')}
            </Button>
          )}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};
