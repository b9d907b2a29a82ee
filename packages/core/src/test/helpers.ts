// Shared helpers of the core's browser tests: the real test server, tokens, clients that clean up.
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReadableAtom } from 'nanostores';
import { LiveShopClient, type LiveShopClientOptions } from '../client.js';
import { MediaController } from '../media/controller.js';

declare global {
  interface Window {
    __LIVE_SHOP_TEST__?: { server: string | null };
  }
}

/** Base URL of the real live-shop server the test runner started. */
export function serverUrl(): string {
  const url = window.__LIVE_SHOP_TEST__?.server;
  if (!url) throw new Error('no live-shop test server (window.__LIVE_SHOP_TEST__.server is empty)');
  return url;
}

/** A token signed with the test server's secret. */
export async function token(role: 'viewer' | 'host', name?: string): Promise<string> {
  const signed = await executeServerCommand<string, { role: string; room: string; name?: string }>('live-shop-token', {
    role,
    room: 'demo',
    ...(name ? { name } : {}),
  });
  if (typeof signed !== 'string') throw new Error('live-shop-token returned no token');
  return signed;
}

const clients: LiveShopClient[] = [];

/** A client of the demo room on the test server; {@link disposeClients} disposes it after the test. */
export function createClient(options: Partial<LiveShopClientOptions> = {}): LiveShopClient {
  const client = new LiveShopClient({ server: serverUrl(), room: 'demo', ...options });
  clients.push(client);
  return client;
}

/** Disposes every client made by {@link createClient}; call in `afterEach`. */
export function disposeClients(): void {
  for (const client of clients.splice(0)) client.dispose();
}

/** Creates, connects and waits until the client holds the room snapshot. */
export async function connectedClient(options: Partial<LiveShopClientOptions> = {}): Promise<LiveShopClient> {
  const client = createClient(options);
  client.connect();
  await until(client.$connection, (state) => state.status === 'open');
  return client;
}

/** Resolves with the store's value once `predicate` holds; rejects after `timeoutMs` saying what it saw. */
export function until<T>(store: ReadableAtom<T>, predicate: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let unsubscribe = (): void => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(store.get())}`));
    }, timeoutMs);
    unsubscribe = store.subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe());
      resolve(value);
    });
  });
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fast reconnect policy for tests that restart the server (bounded, like every policy should be). */
export const fastReconnect = (attempt: number): number | null => (attempt > 100 ? null : 150);

/** Frames seen by {@link recordingWebSocket}. */
export interface SocketRecord {
  /** The real WebSocket class, extended to record what passes through it. */
  WebSocket: typeof WebSocket;
  /** Every frame the client sent, parsed. */
  sent: { t: string; [key: string]: unknown }[];
  /** Every frame that arrived, parsed. */
  received: { t: string; [key: string]: unknown }[];
  /** Every socket the client opened. */
  sockets: WebSocket[];
}

/**
 * The browser's real WebSocket, extended only to record frames in both directions, so tests can prove
 * what was (not) sent and that nothing arrives after dispose. Nothing is faked.
 */
export function recordingWebSocket(): SocketRecord {
  const record: SocketRecord = { WebSocket, sent: [], received: [], sockets: [] };
  class RecordingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      record.sockets.push(this);
      this.addEventListener('message', (event) => record.received.push(JSON.parse(String(event.data))));
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      record.sent.push(JSON.parse(String(data)));
      super.send(data);
    }
  }
  record.WebSocket = RecordingWebSocket;
  return record;
}

/** A customer the server accepts. */
export const customer = { name: 'Test Buyer', phone: '+86 138 0000 0000', address: '1 Test Road, Shanghai' };

/**
 * The real WebSocket with a network fault injected on the way in: `deliver` maps each incoming text frame
 * to the frames the client's listeners get (`[]` drops it, `[f, f]` repeats it).
 */
export function faultyWebSocket(deliver: (frame: string) => string[]): typeof WebSocket {
  const wrapped = new WeakMap<EventListener, EventListener>();
  return class FaultyWebSocket extends WebSocket {
    override addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener, options);
        return;
      }
      const filtered = (event: Event): void => {
        if (!(event instanceof MessageEvent) || typeof event.data !== 'string') {
          listener.call(this, event);
          return;
        }
        for (const data of deliver(event.data)) listener.call(this, new MessageEvent('message', { data }));
      };
      wrapped.set(listener, filtered);
      super.addEventListener(type, filtered, options);
    }

    override removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | EventListenerOptions,
    ): void {
      super.removeEventListener(type, (typeof listener === 'function' && wrapped.get(listener)) || listener, options);
    }
  };
}

const mounted: { video: HTMLVideoElement; controller: MediaController }[] = [];

/** A `<video>` in the page with a MediaController on it; {@link unmountPlayers} stops and removes it. */
export function mountPlayer(
  options?: ConstructorParameters<typeof MediaController>[1],
  { muted = false }: { muted?: boolean } = {},
): { video: HTMLVideoElement; controller: MediaController } {
  const video = document.createElement('video');
  video.muted = muted;
  video.playsInline = true;
  video.width = 320;
  document.body.append(video);
  const player = { video, controller: new MediaController(video, options) };
  mounted.push(player);
  return player;
}

/** Stops every controller {@link mountPlayer} made and removes its video. */
export function unmountPlayers(): void {
  for (const { video, controller } of mounted.splice(0)) {
    controller.stop();
    video.remove();
  }
}

/** Resolves at the next frame the video presents (requestVideoFrameCallback) with its metadata, or rejects after `ms`. */
export function nextFrame(video: HTMLVideoElement, ms = 10_000): Promise<VideoFrameCallbackMetadata> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      video.cancelVideoFrameCallback(handle);
      reject(new Error(`no video frame in ${ms} ms`));
    }, ms);
    const handle = video.requestVideoFrameCallback((_now, metadata) => {
      clearTimeout(timer);
      resolve(metadata);
    });
  });
}
