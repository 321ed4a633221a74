import { Button, Flex, Typography } from '@strapi/design-system';
import { Bell } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../hooks/useT';
import { permissionState, requestPermission, type PermissionState } from '../../notifications/permission';

/** What this browser allows (D1), with a button while it has not been asked yet. */
export const BrowserPermission = () => {
  const tr = useT();
  const [state, setState] = React.useState<PermissionState>(() => permissionState());
  const text: Record<PermissionState, string> = {
    granted: tr('notifications.browser.granted', 'This browser shows Live Chat desktop notifications.'),
    denied: tr(
      'notifications.browser.denied',
      'This browser blocks notifications from this site. Allow them in the site settings of your browser (the icon left of the address).',
    ),
    default: tr('notifications.browser.default', 'This browser has not been allowed to show desktop notifications yet.'),
    unsupported: tr('notifications.browser.unsupported', 'This browser cannot show desktop notifications here.'),
  };
  return (
    <Flex gap={4} alignItems="center" wrap="wrap">
      <Typography variant="omega" data-permission={state}>
        {text[state]}
      </Typography>
      {state === 'default' && (
        <Button variant="secondary" size="S" startIcon={<Bell />} onClick={() => void requestPermission().then(setState)}>
          {tr('notifications.prompt.allow', 'Turn on desktop notifications')}
        </Button>
      )}
    </Flex>
  );
};
