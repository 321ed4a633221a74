import { Flex, Switch, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AgentAvailability } from '../../../../shared/constants';
import type { InboxApi } from '../../api/inbox';
import { apiProblem } from '../../api/problem';
import { useT } from '../../hooks/useT';

/**
 * B2: the agent's online / offline switch at the bottom left of the inbox. Its state is the
 * server's (it survives a reload); only online agents receive new chats.
 */
export const AvailabilityToggle = ({ api }: { api: InboxApi }) => {
  const tr = useT();
  const { toggleNotification } = useNotification();
  const [availability, setAvailability] = React.useState<AgentAvailability | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    api
      .availability()
      .then((value) => live && setAvailability(value))
      .catch((e: unknown) => live && toggleNotification({ type: 'danger', message: apiProblem(e).message }));
    return () => {
      live = false;
    };
  }, [api, toggleNotification]);

  const change = async (online: boolean) => {
    setSaving(true);
    try {
      setAvailability(await api.setAvailability(online ? 'online' : 'offline'));
    } catch (e) {
      toggleNotification({ type: 'danger', message: apiProblem(e).message });
    } finally {
      setSaving(false);
    }
  };

  const online = availability === 'online';
  const label = tr('inbox.availability.label', 'Available for chats');
  return (
    <Flex justifyContent="space-between" alignItems="center" gap={2}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega" fontWeight="bold">
          {online ? tr('inbox.availability.online', 'Online') : tr('inbox.availability.offline', 'Offline')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {online
            ? tr('inbox.availability.onlineHint', 'You receive new chats')
            : tr('inbox.availability.offlineHint', 'Go online to receive chats')}
        </Typography>
      </Flex>
      <Switch
        aria-label={label}
        title={label}
        checked={online}
        disabled={availability === null || saving}
        onCheckedChange={(checked: boolean) => void change(checked)}
      />
    </Flex>
  );
};
