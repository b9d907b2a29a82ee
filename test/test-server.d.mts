/** A real live-shop server in a child process, for tests. */
export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The server's data folder (SQLite file `live-shop.sqlite` inside). */
  dataDir: string;
  /** Process id of the running server (changes on restart). */
  readonly pid: number;
  /** Stops the server and removes its data folder when the helper created it. */
  stop(): Promise<void>;
  /** Stops the server with `signal` and starts it again on the same port with the same data. */
  restart(signal?: NodeJS.Signals): Promise<void>;
}
export declare const TEST_SECRET: string;
/** Signs a token the test server accepts (HS256, audience live-shop, one hour). */
export declare function signTestToken(
  claims?: { role?: 'viewer' | 'host' | 'moderator'; room?: string; name?: string },
  secret?: string,
): Promise<string>;
export declare function startTestServer(options?: {
  args?: string[];
  dataDir?: string;
  port?: number;
  startTimeoutMs?: number;
  /** Run packages/server/dist/cli.js (needs `npm run build`) instead of the TypeScript source under tsx. */
  fromBuild?: boolean;
}): Promise<TestServer>;
/** Posts one chat message as the host from Node (a socket of its own); resolves once acknowledged. */
export declare function postChatAsHost(serverUrl: string, text: string, room?: string): Promise<unknown>;
