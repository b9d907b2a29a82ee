// A WebSocket client written on a bare TCP socket, for tests that need control a WebSocket library hides:
// stop reading entirely (the kernel window fills and the server's buffer grows), or send any bytes at all.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { within } from './helpers.js';

/** A frame read from the server. */
export interface RawFrame {
  opcode: number;
  payload: Buffer;
}

/** Encodes one client frame (always masked, as RFC 6455 requires of clients). */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = 0x80 | length;
  else if (length < 65536) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([header, mask, masked]);
}

/** A WebSocket on a raw TCP socket: handshake by hand, frames parsed by hand, reading can be stopped. */
export class RawWebSocket {
  readonly tcp: Socket;
  readonly frames: RawFrame[] = [];
  /** Resolves with the close code the server sent (or 1006 when the TCP connection ended without one). */
  readonly closed: Promise<number>;
  #buffer: Buffer = Buffer.alloc(0);
  #closeCode: number | null = null;

  private constructor(tcp: Socket, rest: Buffer) {
    this.tcp = tcp;
    this.closed = new Promise((resolve) => tcp.once('close', () => resolve(this.#closeCode ?? 1006)));
    tcp.on('data', (chunk: Buffer) => this.#read(chunk));
    if (rest.length > 0) this.#read(rest);
  }

  /** Connects to `url`'s /ws and completes the opening handshake. */
  static async open(url: string): Promise<RawWebSocket> {
    const { hostname, port } = new URL(url);
    const tcp = connect({ host: hostname, port: Number(port) });
    tcp.on('error', () => {}); // a reset after the server gives up on us is expected; 'close' reports it
    const key = randomBytes(16).toString('base64');
    tcp.write(
      `GET /ws HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    const rest = await within(5000, 'websocket handshake', new Promise<Buffer>((resolve, reject) => {
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        tcp.off('data', onData);
        const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
        if (!status.includes(' 101 ')) reject(new Error(`handshake refused: ${status}`));
        else resolve(head.subarray(end + 4));
      };
      tcp.on('data', onData);
    }));
    return new RawWebSocket(tcp, rest);
  }

  /** Sends a text frame. */
  sendText(text: string): void {
    this.tcp.write(encodeFrame(0x1, Buffer.from(text, 'utf8')));
  }

  /** Sends raw bytes as they are (which may be no valid frame at all). */
  sendRaw(bytes: Buffer): void {
    this.tcp.write(bytes);
  }

  /** Text frames received so far, parsed as JSON. */
  texts(): { t: string; [key: string]: unknown }[] {
    return this.frames.filter((f) => f.opcode === 0x1).map((f) => JSON.parse(f.payload.toString('utf8')));
  }

  /** Waits until a text frame matches `predicate`. */
  async waitForText(predicate: (frame: { t: string; [key: string]: unknown }) => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.texts().some(predicate)) {
      if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  #read(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      let length = (b[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const frame = { opcode: (b[0] ?? 0) & 0x0f, payload: b.subarray(offset, offset + length) };
      this.frames.push(frame);
      // Answer pings like any client, so the server's heartbeat keeps us while we read.
      if (frame.opcode === 0x9) this.tcp.write(encodeFrame(0xa, frame.payload));
      if (frame.opcode === 0x8 && frame.payload.length >= 2) {
        this.#closeCode = frame.payload.readUInt16BE(0);
        this.tcp.end();
      }
      this.#buffer = b.subarray(offset + length);
    }
  }
}
