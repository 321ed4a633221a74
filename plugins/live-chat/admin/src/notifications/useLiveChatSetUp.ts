import * as React from 'react';
import { useNotificationSettingsApi } from '../api/notifications';

/**
 * D1 "after Live Chat is set up": a playbook is published and active, so the widget can run it and
 * hand visitors to agents. (The agent can use the inbox, or the inbox would not be rendering.)
 * Null while unknown.
 */
export function useLiveChatSetUp(enabled: boolean): boolean | null {
  const api = useNotificationSettingsApi();
  const [setUp, setSetUp] = React.useState<boolean | null>(null);
  React.useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .playbooks()
      .then((playbooks) => live && setSetUp(playbooks.some((playbook) => playbook.published && playbook.active)))
      .catch(() => live && setSetUp(false));
    return () => {
      live = false;
    };
  }, [api, enabled]);
  return setUp;
}
