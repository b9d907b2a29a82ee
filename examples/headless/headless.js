// A custom UI on @live-shop/core alone: no web components, no framework. The core owns the socket, the
// stores and the video transport; this file only renders what the stores say and calls the client's
// actions. Every product and chat text goes in with textContent (plain text, never markup).
import { LiveShopClient, MediaController } from '/cdn/live-shop-core.js';

const $ = (id) => document.getElementById(id);
const client = new LiveShopClient({ server: location.origin, room: 'demo', name: 'Headless viewer' });
const media = new MediaController($('video'));

/** Minor units to a price in the page's language (the demo's currencies have two decimals). */
const money = (minor, currency) =>
  new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency }).format(minor / 100);

const unitsOf = (product, stock) => product.variants.reduce((sum, variant) => sum + (stock[variant.id] ?? 0), 0);

function renderRoom(room) {
  $('title').textContent = room ? room.title : 'Loading the room…';
  // Play the room's HLS once it is known; MediaController picks hls.js or native HLS and loads hls.js lazily.
  if (room?.hls) void media.play([{ type: 'hls', url: client.resolveUrl(room.hls) }]);
}

function renderProducts() {
  const stock = client.$stock.get();
  const pinned = client.$pinnedProduct.get();
  const list = $('products');
  const select = $('variant');
  const chosen = select.value;
  list.replaceChildren();
  select.replaceChildren();
  for (const product of client.$products.get()) {
    const item = document.createElement('li');
    item.textContent = `${product.name} — ${money(product.variants[0].price, product.currency)} · ${unitsOf(product, stock)} left`;
    item.classList.toggle('pinned', product.id === pinned?.id);
    list.append(item);
    for (const variant of product.variants) {
      const option = new Option(`${product.name} · ${variant.label} (${stock[variant.id] ?? '?'} left)`, variant.id);
      option.disabled = stock[variant.id] === 0;
      select.append(option);
    }
  }
  if (chosen) select.value = chosen;
  $('pinned').textContent = pinned ? `${pinned.name}: ${pinned.description}` : 'Nothing presented yet.';
}

function renderChat(messages) {
  $('chat').replaceChildren(
    ...messages.slice(-10).map((message) => {
      const item = document.createElement('li');
      item.textContent = `${message.role === 'host' ? '[host] ' : ''}${message.name}: ${message.text}`;
      return item;
    }),
  );
}

client.$room.subscribe(renderRoom);
client.$products.subscribe(renderProducts);
client.$stock.subscribe(renderProducts);
client.$pinnedProduct.subscribe(renderProducts);
client.$chat.subscribe(renderChat);
client.$connection.subscribe((connection) => {
  $('status').textContent = connection.status === 'open' ? '' : `connection: ${connection.status}${connection.error ? ` (${connection.error.message})` : ''}`;
});
media.$media.subscribe((state) => {
  const latency = state.latencyMs === null ? '' : ` · ${(state.latencyMs / 1000).toFixed(1)} s behind live`;
  $('media').textContent = `video: ${state.status}${state.transport ? ` via ${state.transport}` : ''}${latency}${state.error ? ` — ${state.error.message}` : ''}`;
});
client.checkout.$state.subscribe((state) => {
  $('checkout').textContent =
    state.step === 'placing' ? 'Placing the order…'
    : state.step === 'placed' ? `Order ${state.order.id} placed: ${money(state.order.total, state.order.currency)}`
    : state.step === 'failed' ? `Could not place the order: ${state.error.message} (submit again to retry)`
    : '';
});

$('order').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const variantId = String(data.get('variant'));
  const product = client.$products.get().find((p) => p.variants.some((v) => v.id === variantId));
  if (!product) return;
  const state = client.checkout.$state.get();
  // One open() per purchase: a retry after a failure reuses its idempotency key, so it never orders twice.
  if (state.step === 'closed' || state.step === 'placed' || state.productId !== product.id) client.checkout.open(product.id);
  await client.checkout.place({
    variantId,
    quantity: Number(data.get('quantity')),
    customer: { name: String(data.get('name')), phone: String(data.get('phone')), address: String(data.get('address')) },
  });
});

$('chat-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const field = event.target.elements.text;
  try {
    await client.sendChat(field.value);
    field.value = '';
  } catch (error) {
    $('status').textContent = `Could not send: ${error.message}`;
  }
});

client.connect();
addEventListener('pagehide', () => {
  media.stop();
  client.dispose();
});
