/**
 * The host page's API on `window.LiveChat` (in the spirit of Chatwoot's `$chatwoot`): open, close,
 * identify, and events. Calls made before the script ran are queued by the page in an array
 * (`window.LiveChat = window.LiveChat || []; LiveChat.push(['open'])`) and replayed here.
 */
import { WIDGET_EVENTS, type WidgetEvent } from '../contract';

export interface Identity {
  name?: string;
  email?: string;
}

export type Listener = (payload: unknown) => void;
/** `['open']`, `['identify', { name, email }]`, `['on', 'message', fn]`, or a function called with the API. */
export type QueueEntry = unknown[] | ((api: LiveChatApi) => void);

export interface LiveChatApi {
  readonly version: string;
  open: () => Promise<void>;
  close: () => void;
  identify: (identity: Identity) => Promise<void>;
  on: (event: WidgetEvent, listener: Listener) => () => void;
  off: (event: WidgetEvent, listener: Listener) => void;
  /** Runs a queued entry now; the page may keep using `push` after the script loaded. */
  push: (entry: QueueEntry) => void;
}

declare global {
  interface Window {
    LiveChat?: LiveChatApi | QueueEntry[];
  }
}

/** Listeners per event; one failing listener never breaks the widget or the other listeners. */
export function createEmitter() {
  const listeners = new Map<WidgetEvent, Set<Listener>>();
  return {
    on(event: WidgetEvent, listener: Listener): () => void {
      if (!WIDGET_EVENTS.includes(event) || typeof listener !== 'function') throw new TypeError(`LiveChat.on: unknown event "${String(event)}"`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set?.delete(listener);
    },
    off(event: WidgetEvent, listener: Listener): void {
      listeners.get(event)?.delete(listener);
    },
    emit(event: WidgetEvent, payload: unknown): void {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          console.error('[live-chat] a LiveChat.on listener threw', error);
        }
      }
    },
  };
}

/** Runs one queued entry against the API; unknown commands are reported, not thrown at the page. */
export function runEntry(api: LiveChatApi, entry: QueueEntry): void {
  if (typeof entry === 'function') {
    entry(api);
    return;
  }
  if (!Array.isArray(entry)) return;
  const [command, ...args] = entry;
  switch (command) {
    case 'open':
      void api.open();
      return;
    case 'close':
      api.close();
      return;
    case 'identify':
      api.identify(args[0] as Identity).catch((error) => console.error('[live-chat] identify failed', error));
      return;
    case 'on':
      api.on(args[0] as WidgetEvent, args[1] as Listener);
      return;
    default:
      console.error(`[live-chat] unknown command "${String(command)}"`);
  }
}
