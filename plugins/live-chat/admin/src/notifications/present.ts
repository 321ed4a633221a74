import type { NotificationKind } from '../../../shared/constants';
import type { AgentNotification } from '../../../shared/events';

type Translate = (key: string, defaultMessage: string, values?: Record<string, string>) => string;

/** What each kind says (D2), in the admin's language (E5); the server's English text is only a fallback. */
const TEXT: Record<NotificationKind, { title: [string, string]; body: [string, string] | null }> = {
  conversationUnassigned: {
    title: ['notifications.desktop.unassigned.title', 'New conversation in Unassigned'],
    body: ['notifications.desktop.unassigned.body', '{name} is waiting for an agent'],
  },
  conversationAssignedToMe: {
    title: ['notifications.desktop.assigned.title', 'Conversation assigned to you'],
    body: ['notifications.desktop.assigned.body', 'The chat with {name} is now yours'],
  },
  messageInMyConversation: {
    title: ['notifications.desktop.message.title', 'New message from {name}'],
    // The body is the visitor's own words.
    body: null,
  },
};

/** The title and body of the desktop notification for one `notification` socket event. */
export function presentNotification(notification: AgentNotification, translate: Translate): { title: string; body: string } {
  // Issue 14: the list's and header's name (shared/domain/display-name.ts), its anonymous label translated.
  const name =
    notification.visitorName ??
    (notification.visitorNumber != null
      ? translate('inbox.visitor.numbered', 'Visitor #{number}', { number: String(notification.visitorNumber) })
      : translate('notifications.desktop.someone', 'A visitor'));
  const text = TEXT[notification.kind];
  if (!text) return { title: notification.title, body: notification.body };
  return {
    title: translate(text.title[0], text.title[1], { name }),
    body: text.body ? translate(text.body[0], text.body[1], { name }) : notification.body,
  };
}
