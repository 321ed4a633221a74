import { useAuth } from '@strapi/strapi/admin';
import * as React from 'react';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, RECONNECTION, SOCKET_PATH, type AgentClientEvents, type AgentServerEvents } from '../../../../shared/events';

/** The inbox's typed socket on the `/agent` namespace (shared/events.ts). */
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

const AgentSocketContext = React.createContext<AgentSocket | null>(null);

/** Where the Strapi server answers: the admin may be served from another origin than the API. */
function backendUrl(): string {
  const configured = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL;
  return configured && configured.length > 0 ? configured : window.location.origin;
}

/** A refused handshake is not retried by Socket.IO itself; we retry with the (maybe refreshed) token. */
const RETRY_AFTER_REFUSAL_MS = 5_000;

/**
 * One authenticated `/agent` socket for the whole inbox (E2, B2). It signs in with the admin
 * panel's own access token — read at every (re)connect, because Strapi rotates it in the
 * background — so the server applies the same session checks as its HTTP admin auth. While it is
 * connected the agent counts as present (B2). Consumers re-`sync` their open conversation on every
 * `connect` event (see `useOnAgentSocketConnect`), which covers reconnects and server restarts.
 */
export function AgentSocketProvider({ children }: { children: React.ReactNode }) {
  const token = useAuth('AgentSocketProvider', (state) => state.token);
  const tokenRef = React.useRef(token);
  tokenRef.current = token;
  const [socket, setSocket] = React.useState<AgentSocket | null>(null);

  React.useEffect(() => {
    const created: AgentSocket = io(`${backendUrl()}${NAMESPACES.agent}`, {
      path: SOCKET_PATH,
      // WebSocket only: no sticky sessions are needed behind a load balancer (F3, docs/realtime.md).
      transports: ['websocket'],
      autoConnect: false,
      ...RECONNECTION,
      auth: (callback) => callback({ token: tokenRef.current }),
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    created.on('connect_error', () => {
      // `active` is false when the server refused the handshake (e.g. an expired token).
      if (created.active) return;
      clearTimeout(retry);
      retry = setTimeout(() => created.connect(), RETRY_AFTER_REFUSAL_MS);
    });
    created.connect();
    setSocket(created);
    return () => {
      clearTimeout(retry);
      created.removeAllListeners();
      created.disconnect();
      setSocket(null);
    };
  }, []);

  // A fresh token after a refused handshake: try again at once instead of waiting for the retry.
  React.useEffect(() => {
    if (socket && token && !socket.connected && !socket.active) socket.connect();
  }, [socket, token]);

  return <AgentSocketContext.Provider value={socket}>{children}</AgentSocketContext.Provider>;
}

/** The inbox's socket, or null outside the provider / before it is created. */
export function useAgentSocket(): AgentSocket | null {
  return React.useContext(AgentSocketContext);
}

/**
 * Runs `onConnect` on every (re)connect of the agent socket, and at once if it is already
 * connected: the place to `sync` an open conversation from its last seq (E2) or reload a list.
 * Also on the server's `resync` (F3: its Redis link came back, broadcasts may have been missed).
 */
export function useOnAgentSocketConnect(onConnect: (socket: AgentSocket) => void): void {
  const socket = useAgentSocket();
  const callback = React.useRef(onConnect);
  callback.current = onConnect;
  React.useEffect(() => {
    if (!socket) return;
    const listener = () => callback.current(socket);
    if (socket.connected) listener();
    socket.on('connect', listener);
    socket.on('resync', listener);
    return () => {
      socket.off('connect', listener);
      socket.off('resync', listener);
    };
  }, [socket]);
}
