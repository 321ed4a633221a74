import * as React from 'react';
import { useNotificationSettingsApi, type MyNotificationSettings } from '../api/notifications';

/**
 * The agent's own notification settings, kept in a ref for event listeners. Read again whenever the
 * tab becomes visible, so a change made on the settings page (maybe in another tab) applies without
 * a reload. Which kinds are sent is the server's decision (D3); the client only needs `sound`.
 */
export function useMyNotificationPreferences(): React.MutableRefObject<MyNotificationSettings | null> {
  const api = useNotificationSettingsApi();
  const preferences = React.useRef<MyNotificationSettings | null>(null);
  React.useEffect(() => {
    let live = true;
    const load = () => {
      api
        .mine()
        .then((settings) => {
          if (live) preferences.current = settings;
        })
        .catch(() => undefined); // keep the last known settings; notifications still show
    };
    load();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api]);
  return preferences;
}
