import * as React from 'react';
import type { Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentNotification, AgentServerEvents } from '../../../shared/events';
import { useT } from '../hooks/useT';
import { notificationApi } from './permission';
import { presentNotification } from './present';
import { playChimeOnce, primeAudio } from './sound';
import { useMyNotificationPreferences } from './useMyNotificationPreferences';

export interface DesktopNotificationOptions {
  /**
   * Whether the agent is looking at this conversation right now; if so (tab visible and focused),
   * no notification is shown for it. Optional: without it every notification shows.
   */
  isOpen?: (documentId: string) => boolean;
}

/**
 * D1–D3: turns the agent socket's `notification` events into the browser's desktop notifications,
 * which the browser shows also while the tab is in the background. The server already sends only
 * what this agent may see (B6) and has not switched off (D3). Clicking one focuses the window and
 * opens the conversation. With the agent's sound setting on, a short chime plays as well.
 */
export function useDesktopNotifications(
  socket: Socket<AgentServerEvents, AgentClientEvents> | null,
  openConversation: (documentId: string) => void,
  options: DesktopNotificationOptions = {},
): void {
  const tr = useT();
  const preferences = useMyNotificationPreferences();
  // Listeners read the latest callbacks, so the socket subscription does not churn on every render.
  const latest = React.useRef({ tr, openConversation, isOpen: options.isOpen });
  latest.current = { tr, openConversation, isOpen: options.isOpen };

  React.useEffect(() => {
    // Browsers allow sound only after a user gesture: unlock it on the first one.
    const unlock = () => primeAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  React.useEffect(() => {
    if (!socket) return;
    const onNotification = (notification: AgentNotification) => {
      const { tr: translate, isOpen } = latest.current;
      const watching = document.visibilityState === 'visible' && document.hasFocus() && isOpen?.(notification.documentId) === true;
      if (watching) return;
      if (preferences.current?.mine.sound) playChimeOnce(`${notification.kind}:${notification.documentId}`);
      const api = notificationApi();
      if (!api || api.permission !== 'granted') return;
      const { title, body } = presentNotification(notification, translate);
      // One tag per conversation and kind: a burst of messages replaces the previous notification
      // instead of stacking, and two open inbox tabs show it once; `renotify` (Chromium; not in
      // TypeScript's DOM types) still alerts the agent for the replacement.
      const options: NotificationOptions & { renotify?: boolean } = {
        body,
        tag: `live-chat:${notification.kind}:${notification.documentId}`,
        renotify: true,
      };
      const shown = new api(title, options);
      shown.onclick = () => {
        window.focus();
        latest.current.openConversation(notification.documentId);
        shown.close();
      };
    };
    socket.on('notification', onNotification);
    return () => {
      socket.off('notification', onNotification);
    };
  }, [socket, preferences]);
}
