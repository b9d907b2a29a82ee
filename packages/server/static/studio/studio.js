// @ts-check
// The smallest host studio that makes a real broadcast: sign in with a host token, pick a camera and a
// microphone (or a generated test pattern), preview, go live over WHIP to this server's dev relay, watch
// the WebRTC viewer count and the chat, pin products.
//
// Plain JavaScript on purpose: the page is served as is (strict CSP: this file and the core bundle are
// the only scripts, nothing inline). Everything that talks to the server comes from @live-shop/core,
// built into ./live-shop-core.js by `npm run build` (rollup.config.mjs, "studio" entry).
import { LiveShopClient, WhipPublisher } from './live-shop-core.js';

/** sessionStorage key of the host token: it lives as long as this tab, and never in a URL. */
const TOKEN_KEY = 'live-shop.studio.token';
const ROOM_KEY = 'live-shop.studio.room';
/** Value of the camera <select> that means "no camera: paint a test pattern". */
const TEST_PATTERN = 'test-pattern';
/** Value of the microphone <select> that means "no sound". */
const NO_MICROPHONE = 'none';
const VIEWER_POLL_MS = 2_000;

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`studio page: #${id} is missing`);
  return element;
}

const ui = {
  signIn: byId('sign-in', HTMLFormElement),
  room: byId('room', HTMLInputElement),
  token: byId('token', HTMLInputElement),
  signOut: byId('sign-out', HTMLButtonElement),
  connection: byId('connection', HTMLElement),
  studio: byId('studio', HTMLElement),
  preview: byId('preview', HTMLVideoElement),
  camera: byId('camera', HTMLSelectElement),
  microphone: byId('microphone', HTMLSelectElement),
  goLive: byId('go-live', HTMLButtonElement),
  stop: byId('stop', HTMLButtonElement),
  broadcast: byId('broadcast', HTMLElement),
  viewers: byId('viewers', HTMLElement),
  products: byId('product-list', HTMLUListElement),
  unpin: byId('unpin', HTMLButtonElement),
  chat: byId('chat-list', HTMLOListElement),
  chatForm: byId('chat-form', HTMLFormElement),
  chatText: byId('chat-text', HTMLInputElement),
  error: byId('error', HTMLElement),
};

/** Everything one signed-in session owns; `endSession()` releases all of it. */
const session = {
  /** @type {LiveShopClient | null} */ client: null,
  /** @type {WhipPublisher | null} */ publisher: null,
  /** @type {MediaStream | null} */ stream: null,
  /** @type {(() => void) | null} stops the test pattern's painter */ stopPattern: null,
  /** @type {ReturnType<typeof setInterval> | undefined} */ viewerTimer: undefined,
  /** @type {(() => void)[]} store subscriptions and listeners */ cleanups: [],
  room: '',
  token: '',
};

/** @param {unknown} error */
function showError(error) {
  ui.error.textContent = error instanceof Error ? error.message : String(error);
  ui.error.hidden = false;
  console.error('live-shop studio:', error);
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

// ---- sign in / out -------------------------------------------------------------------------------

ui.signIn.addEventListener('submit', (event) => {
  event.preventDefault();
  clearError();
  startSession(ui.room.value.trim(), ui.token.value.trim()).catch(showError);
});
ui.signOut.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  endSession().catch(showError);
});

/**
 * @param {string} room
 * @param {string} token
 */
async function startSession(room, token) {
  await endSession();
  const client = new LiveShopClient({ server: location.origin, room, token, name: 'Host' });
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(ROOM_KEY, room);
  Object.assign(session, { client, room, token });
  ui.signIn.hidden = true;
  ui.studio.hidden = false;
  ui.signOut.hidden = false;
  ui.token.value = '';

  session.cleanups.push(
    client.on('error', showError),
    client.$connection.subscribe((state) => {
      ui.connection.textContent = state.status;
      ui.connection.classList.toggle('live', state.status === 'open');
    }),
    client.$viewer.subscribe((viewer) => {
      if (viewer && viewer.role !== 'host') showError(new Error('this token is not a host token: you can watch, not broadcast or pin'));
    }),
    client.$chat.subscribe(renderChat),
    client.$products.subscribe(() => renderProducts(client)),
    client.$pinned.subscribe(() => renderProducts(client)),
  );
  client.connect();

  pollViewers();
  session.viewerTimer = setInterval(pollViewers, VIEWER_POLL_MS);
  await listDevices();
  await preview();
}

/** Stops broadcasting and releases the client, camera, timers and subscriptions. */
async function endSession() {
  clearInterval(session.viewerTimer);
  session.viewerTimer = undefined;
  for (const cleanup of session.cleanups.splice(0)) cleanup();
  await stopBroadcast();
  stopPreview();
  session.client?.dispose();
  session.client = null;
  ui.studio.hidden = true;
  ui.signIn.hidden = false;
  ui.signOut.hidden = true;
  ui.connection.textContent = 'signed out';
  ui.connection.classList.remove('live');
}

// ---- devices and preview -------------------------------------------------------------------------

/** Fills the camera and microphone lists (asking for permission once, so the devices have names). */
async function listDevices() {
  let devices = /** @type {MediaDeviceInfo[]} */ ([]);
  try {
    const probe = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    for (const track of probe.getTracks()) track.stop();
  } catch (error) {
    // No camera, or permission refused: the test pattern still lets the host go live.
    console.warn('live-shop studio: no camera/microphone access, offering the test pattern', error);
  }
  try {
    devices = await navigator.mediaDevices.enumerateDevices();
  } catch (error) {
    console.warn('live-shop studio: could not list devices', error);
  }
  fill(ui.camera, devices.filter((d) => d.kind === 'videoinput'), { value: TEST_PATTERN, label: 'Test pattern' }, 'Camera');
  fill(ui.microphone, devices.filter((d) => d.kind === 'audioinput'), { value: NO_MICROPHONE, label: 'No microphone' }, 'Microphone');
}

/**
 * @param {HTMLSelectElement} select
 * @param {MediaDeviceInfo[]} devices
 * @param {{ value: string, label: string }} fallback listed last, chosen when there is no device
 * @param {string} noun
 */
function fill(select, devices, fallback, noun) {
  select.replaceChildren(
    ...devices.filter((d) => d.deviceId).map((d, i) => new Option(d.label || `${noun} ${i + 1}`, d.deviceId)),
    new Option(fallback.label, fallback.value),
  );
  select.selectedIndex = 0;
}

ui.camera.addEventListener('change', () => void preview().catch(showError));
ui.microphone.addEventListener('change', () => void preview().catch(showError));

/** Opens the chosen devices (or the test pattern) and shows them in the preview. */
async function preview() {
  stopPreview();
  const tracks = [];
  if (ui.camera.value === TEST_PATTERN || !ui.camera.value) {
    const pattern = testPattern();
    session.stopPattern = pattern.stop;
    tracks.push(...pattern.stream.getVideoTracks());
  } else {
    const camera = await navigator.mediaDevices.getUserMedia({
      video: { deviceId: { exact: ui.camera.value }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    tracks.push(...camera.getVideoTracks());
  }
  if (ui.microphone.value && ui.microphone.value !== NO_MICROPHONE) {
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: ui.microphone.value } } });
    tracks.push(...microphone.getAudioTracks());
  }
  session.stream = new MediaStream(tracks);
  ui.preview.srcObject = session.stream;
}

function stopPreview() {
  session.stopPattern?.();
  session.stopPattern = null;
  for (const track of session.stream?.getTracks() ?? []) track.stop();
  session.stream = null;
  ui.preview.srcObject = null;
}

/**
 * A generated picture for hosts without a camera (and for tests): colour bars, a moving bar and the
 * clock, so a viewer can see at a glance that the picture is live and how late it is.
 * @returns {{ stream: MediaStream, stop: () => void }}
 */
function testPattern() {
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 720;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the test pattern (no 2D canvas)');
  const colours = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];
  const paint = () => {
    const width = canvas.width / colours.length;
    colours.forEach((colour, i) => {
      context.fillStyle = colour;
      context.fillRect(i * width, 0, width + 1, canvas.height);
    });
    const now = Date.now();
    context.fillStyle = '#fff';
    context.fillRect((now / 4) % canvas.width, canvas.height - 60, 40, 60);
    context.fillStyle = 'rgba(0, 0, 0, 0.7)';
    context.fillRect(0, canvas.height / 2 - 70, canvas.width, 140);
    context.fillStyle = '#fff';
    context.font = 'bold 96px ui-monospace, monospace';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    const time = new Date(now).toISOString().slice(11, 23);
    context.fillText(time, canvas.width / 2, canvas.height / 2);
  };
  paint();
  // A timer, not requestAnimationFrame: the broadcast must keep painting when the studio tab is hidden.
  const timer = setInterval(paint, 1000 / 30);
  const stream = canvas.captureStream(30);
  return { stream, stop: () => clearInterval(timer) };
}

// ---- broadcast -----------------------------------------------------------------------------------

ui.goLive.addEventListener('click', () => void goLive().catch(showError));
ui.stop.addEventListener('click', () => void stopBroadcast().catch(showError));
// Closing the tab ends the relay session at once (the DELETE is sent with keepalive).
window.addEventListener('pagehide', () => void stopBroadcast().catch(showError));

async function goLive() {
  clearError();
  if (!session.stream) await preview();
  const stream = session.stream;
  if (!stream) throw new Error('nothing to broadcast: no camera and no test pattern');
  const publisher = new WhipPublisher({ url: new URL(`/whip/${session.room}`, location.origin).href, token: session.token });
  session.publisher = publisher;
  session.cleanups.push(publisher.onStateChange(renderBroadcast));
  setBroadcasting(true);
  try {
    await publisher.start(stream);
  } catch (error) {
    session.publisher = null;
    setBroadcasting(false);
    throw error;
  }
}

async function stopBroadcast() {
  const publisher = session.publisher;
  session.publisher = null;
  setBroadcasting(false);
  if (publisher) await publisher.stop();
}

/** @param {boolean} on */
function setBroadcasting(on) {
  ui.goLive.hidden = on;
  ui.stop.hidden = !on;
  // Devices are chosen before going live: switching them mid-broadcast would need renegotiation.
  ui.camera.disabled = on;
  ui.microphone.disabled = on;
  if (!on) renderBroadcast('stopped');
}

/** @param {import('./live-shop-core.js').WhipState} state */
function renderBroadcast(state) {
  const text = { idle: 'off air', connecting: 'connecting…', live: 'LIVE', failed: 'broadcast failed', stopped: 'off air' }[state];
  ui.broadcast.textContent = text;
  ui.broadcast.classList.toggle('live', state === 'live');
  if (state === 'failed' && session.publisher) showError(new Error('the broadcast connection failed: press Go live to retry'));
}

async function pollViewers() {
  if (!session.room) return;
  try {
    const response = await fetch(`/whep/${encodeURIComponent(session.room)}`, { cache: 'no-store' });
    const stats = /** @type {{ live: boolean, viewers: number }} */ (await response.json());
    ui.viewers.textContent = `WebRTC viewers: ${stats.viewers}`;
  } catch (error) {
    ui.viewers.textContent = 'WebRTC viewers: ?';
    console.warn('live-shop studio: viewer count unavailable', error);
  }
}

// ---- products and chat (text only: names and messages are set with textContent, never as HTML) ----

/** @param {LiveShopClient} client */
function renderProducts(client) {
  const pinned = client.$pinned.get()?.productId ?? null;
  ui.unpin.disabled = pinned === null;
  ui.products.replaceChildren(
    ...client.$products.get().map((product) => {
      const item = document.createElement('li');
      item.classList.toggle('pinned', product.id === pinned);
      const image = document.createElement('img');
      image.src = client.resolveUrl(product.image);
      image.alt = '';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = product.name;
      const pin = document.createElement('button');
      pin.type = 'button';
      pin.textContent = product.id === pinned ? 'Pinned' : 'Pin';
      pin.disabled = product.id === pinned;
      pin.addEventListener('click', () => void client.pinProduct(product.id).catch(showError));
      item.append(image, name, pin);
      return item;
    }),
  );
}

ui.unpin.addEventListener('click', () => void session.client?.unpinProduct().catch(showError));

/** @param {readonly { name: string, role: string, text: string }[]} messages */
function renderChat(messages) {
  const atBottom = ui.chat.scrollTop + ui.chat.clientHeight >= ui.chat.scrollHeight - 8;
  ui.chat.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.className = message.role;
      const author = document.createElement('span');
      author.className = 'author';
      author.textContent = message.name;
      const text = document.createElement('span');
      text.textContent = message.text;
      item.append(author, text);
      return item;
    }),
  );
  if (atBottom) ui.chat.scrollTop = ui.chat.scrollHeight;
}

ui.chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.chatText.value.trim();
  if (!text || !session.client) return;
  session.client.sendChat(text).then(() => (ui.chatText.value = ''), showError);
});

// ---- start ---------------------------------------------------------------------------------------

// A reload keeps the session: the token is still in this tab's sessionStorage.
const savedToken = sessionStorage.getItem(TOKEN_KEY);
ui.room.value = sessionStorage.getItem(ROOM_KEY) ?? ui.room.value;
if (savedToken) startSession(ui.room.value, savedToken).catch(showError);
