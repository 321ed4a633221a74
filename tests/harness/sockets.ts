import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, SOCKET_PATH, type Ack } from '../../plugins/live-chat/shared/events';
import type { TestApp } from './strapi';

/** Makes the booted app listen on a random loopback port; returns its base URL. */
export async function listen(app: TestApp): Promise<string> {
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const open: Socket[] = [];

/** Connects a socket.io client as the widget or the inbox does; resolves once connected. */
export function connect(baseUrl: string, namespace: keyof typeof NAMESPACES, token: string | undefined, extra: object = {}): Promise<Socket> {
  const socket = io(`${baseUrl}${NAMESPACES[namespace]}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
    ...extra,
  });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Disconnects every socket this file opened (call in afterAll, before stopping Strapi). */
export function disconnectAll() {
  for (const socket of open.splice(0)) socket.disconnect();
}

/** Emits an event and resolves with the server's ack. */
export function request<T = unknown>(socket: Socket, event: string, payload: unknown, timeoutMs = 5000): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Resolves with the next `event` whose payload passes `match`; rejects after `timeoutMs`. */
export function nextEvent<T = unknown>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every payload of `event` from now on, for "received nothing" assertions. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** A visitor session as the widget opens one: POST /live-chat/widget/session → signed token. */
export async function visitorToken(app: TestApp, previous?: string): Promise<string> {
  const response = await app.http().post('/live-chat/widget/session').send(previous ? { token: previous } : {});
  if (response.status !== 200) throw new Error(`session failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}
