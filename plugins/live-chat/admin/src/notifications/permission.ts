/** The browser's Notification API, when this page may use it (absent on insecure origins and some mobiles). */
export function notificationApi(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

export type PermissionState = NotificationPermission | 'unsupported';

export function permissionState(): PermissionState {
  return notificationApi()?.permission ?? 'unsupported';
}

/** Asks the browser; older browsers answer through a callback instead of a promise. */
export function requestPermission(): Promise<PermissionState> {
  const api = notificationApi();
  if (!api) return Promise.resolve('unsupported');
  return new Promise((resolve) => {
    const answer = api.requestPermission((result) => resolve(result));
    if (answer && typeof answer.then === 'function') void answer.then(resolve, () => resolve(api.permission));
  });
}

// Per agent, because several admins may share one browser profile.
const dismissalKey = (agentId: number | string) => `live-chat:notification-prompt-dismissed:${agentId}`;

/** Whether this agent said "Not now" to the permission prompt in this browser (D1: asked once). */
export function wasPromptDismissed(agentId: number | string): boolean {
  try {
    return window.localStorage.getItem(dismissalKey(agentId)) !== null;
  } catch {
    return false; // storage blocked: asking again is the lesser harm
  }
}

export function rememberPromptDismissed(agentId: number | string): void {
  try {
    window.localStorage.setItem(dismissalKey(agentId), new Date().toISOString());
  } catch {
    // storage blocked: nothing to remember with
  }
}
