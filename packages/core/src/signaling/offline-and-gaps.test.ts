import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RoomEvent } from '@live-shop/protocol';
import { connectedClient, disposeClients, faultyWebSocket, fastReconnect, sleep, until } from '../test/helpers.js';

/** Posts as the host from Node: the page's own sockets are down while it is "offline". */
const hostChat = (text: string) => executeServerCommand('live-shop-host-chat', { text });

describe('offline, online and gaps (real Chromium, real server)', () => {
  afterEach(() => disposeClients());

  it("goes 'offline' on the browser's offline event, resumes at once on 'online', and gets what it missed exactly once", async () => {
    const viewer = await connectedClient({ reconnect: fastReconnect });
    const seqs: number[] = [];
    viewer.on('event', (event: RoomEvent) => seqs.push(event.seq));
    const reconnected = new Promise<boolean>((resolve) => viewer.on('reconnected', ({ recovered }) => resolve(recovered)));

    // What the browser fires when the device loses its network (playwright's setOffline would also cut the
    // test runner's own socket to this page).
    window.dispatchEvent(new Event('offline'));
    await until(viewer.$connection, (state) => state.status === 'offline', 5_000);
    const texts = [`while away ${Math.random()}`, `still away ${Math.random()}`];
    for (const text of texts) await hostChat(text);
    await sleep(500);
    expect(viewer.$connection.get().status, 'waits for the network instead of retrying').to.equal('offline');
    expect(viewer.$chat.get().some((m) => texts.includes(m.text))).to.equal(false);

    window.dispatchEvent(new Event('online'));
    expect(await reconnected, 'resumed from the replay window').to.equal(true);
    await until(viewer.$chat, (messages) => texts.every((text) => messages.some((m) => m.text === text)), 10_000);
    await sleep(300);
    expect(viewer.$chat.get().filter((m) => texts.includes(m.text))).to.have.length(2);
    expect(new Set(seqs).size, `events applied twice: ${seqs.join(',')}`).to.equal(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).to.deep.equal(seqs);
  });

  it('never leaves a silent gap: a lost event makes the client resync and apply it once', async () => {
    let dropped: string | null = null;
    // Drop the first chat event the network carries; the next event's seq shows the hole.
    const lossy = faultyWebSocket((frame) => {
      if (dropped === null && frame.includes('"t":"chat.message"') && frame.includes('lost ')) {
        dropped = frame;
        return [];
      }
      return [frame];
    });
    const viewer = await connectedClient({ WebSocket: lossy, reconnect: fastReconnect });
    const other = await connectedClient();
    const lost = `lost ${Math.random()}`;
    const after = `after ${Math.random()}`;
    await other.sendChat(lost);
    await other.sendChat(after);
    await until(viewer.$chat, (messages) => messages.some((m) => m.text === lost) && messages.some((m) => m.text === after), 10_000);
    expect(dropped, 'the fault was injected').to.not.equal(null);
    const chat = viewer.$chat.get();
    expect(chat.filter((m) => m.text === lost)).to.have.length(1);
    expect(chat.findIndex((m) => m.text === lost)).to.be.lessThan(chat.findIndex((m) => m.text === after));
  });
});
