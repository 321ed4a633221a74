import { Alert, Button, Flex } from '@strapi/design-system';
import { Bell } from '@strapi/icons';
import { useAuth } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../hooks/useT';
import { permissionState, rememberPromptDismissed, requestPermission, wasPromptDismissed } from './permission';
import { useLiveChatSetUp } from './useLiveChatSetUp';

/**
 * D1: once Live Chat is set up, explains why and asks for permission to show desktop notifications.
 * Shown only while the browser has not been asked (permission "default") and this agent has not
 * said "Not now" in this browser; the browser remembers the answer, we remember the dismissal.
 */
export const NotificationPermissionPrompt = () => {
  const tr = useT();
  const agentId = useAuth('NotificationPermissionPrompt', (state) => state.user?.id);
  const [hidden, setHidden] = React.useState(false);
  const askable = permissionState() === 'default' && agentId !== undefined && !wasPromptDismissed(agentId);
  const setUp = useLiveChatSetUp(askable && !hidden);
  if (!askable || hidden || setUp !== true) return null;

  const ask = async () => {
    setHidden(true);
    await requestPermission();
  };
  const dismiss = () => {
    rememberPromptDismissed(agentId);
    setHidden(true);
  };

  return (
    <Alert
      variant="default"
      title={tr('notifications.prompt.title', 'Get notified of new chats')}
      closeLabel={tr('notifications.prompt.notNow', 'Not now')}
      onClose={dismiss}
      action={
        <Flex gap={2}>
          <Button size="S" startIcon={<Bell />} onClick={() => void ask()}>
            {tr('notifications.prompt.allow', 'Turn on desktop notifications')}
          </Button>
          <Button size="S" variant="tertiary" onClick={dismiss}>
            {tr('notifications.prompt.notNow', 'Not now')}
          </Button>
        </Flex>
      }
    >
      {tr(
        'notifications.prompt.body',
        'Your browser will tell you when a conversation lands in Unassigned, when one is assigned to you and when a visitor writes in one of yours, also while this tab is in the background.',
      )}
    </Alert>
  );
};
