// The peer of the fan-out bench: a plain Socket.IO 4 server doing the same room job as live-shop, and
// nothing more. One room per `hello`, a host command → one broadcast to the room, websocket transport
// only, no compression. It sends the same JSON bodies as live-shop (the welcome carries the snapshot the
// live-shop server sent, the chat event has the same fields), so message sizes match.
//   node bench/fanout/socketio-server.mjs [--welcome snapshot.json]
// Prints `listening on http://127.0.0.1:<port>` on stdout; stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';

const { values } = parseArgs({ options: { welcome: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
/** What a viewer gets in `welcome`: the live-shop room snapshot, so both servers send as many bytes. */
const snapshot = values.welcome ? JSON.parse(readFileSync(values.welcome, 'utf8')) : { seq: 0, chat: [], products: [] };

const http = createServer((_req, res) => {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('socket.io only');
});
const io = new Server(http, {
  transports: ['websocket'],
  serveClient: false,
  perMessageDeflate: false,
  // The live-shop limit on an incoming frame.
  maxHttpBufferSize: 16 * 1024,
});

let seq = 0;
const MAX_TEXT = 300;

io.on('connection', (socket) => {
  /** @type {{ room: string, role: 'viewer' | 'host', name: string } | null} */
  let member = null;

  socket.on('hello', (hello, ack) => {
    if (typeof ack !== 'function' || member || typeof hello?.room !== 'string') return;
    const role = hello.role === 'host' ? 'host' : 'viewer';
    member = { room: hello.room, role, name: role === 'host' ? '主播 Host' : `观众${1000 + Math.floor(Math.random() * 9000)}` };
    void socket.join(hello.room);
    ack({ t: 'welcome', id: String(hello.id), serverTime: Date.now(), role, name: member.name, snapshot: { ...snapshot, seq } });
  });

  socket.on('chat.send', (frame, ack) => {
    if (typeof ack !== 'function') return;
    const text = typeof frame?.text === 'string' ? frame.text.trim() : '';
    if (!member || text.length === 0 || text.length > MAX_TEXT) return ack({ t: 'ack', id: String(frame?.id), ok: false });
    const at = Date.now();
    const message = { id: `c_${randomBytes(9).toString('base64url')}`, name: member.name, role: member.role, text, at };
    io.to(member.room).emit('event', { t: 'chat.message', seq: ++seq, at, message });
    ack({ t: 'ack', id: String(frame.id), ok: true });
  });

  socket.on('product.pin', (frame, ack) => {
    if (typeof ack !== 'function') return;
    if (!member || member.role !== 'host' || typeof frame?.productId !== 'string') return ack({ t: 'ack', id: String(frame?.id), ok: false });
    const at = Date.now();
    io.to(member.room).emit('event', { t: 'product.pinned', seq: ++seq, at, pin: { productId: frame.productId, at } });
    ack({ t: 'ack', id: String(frame.id), ok: true });
  });
});

http.listen(0, values.host, () => {
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.stdout.write(`socket.io peer listening on http://${values.host}:${address.port}\n`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Do not hang on a stuck close.
  setTimeout(() => process.exit(1), 3_000).unref();
  io.close(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
