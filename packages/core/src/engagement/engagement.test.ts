import { expect } from '@open-wc/testing';
import type { Lottery } from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import { connectedClient, disposeClients, token, until } from '../test/helpers.js';
import { lotteryWinners, verifyLottery } from './verify.js';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveShopError) return error.code;
    throw error;
  }
  throw new Error('the action was accepted');
}

describe('engagement (core)', () => {
  afterEach(() => disposeClients());

  it('verifyLottery reproduces the server’s winners from the revealed seed and the published entrants', async () => {
    const host = await connectedClient({ token: await token('host') });
    await until(host.$lottery, () => true);
    if (host.$lottery.get()?.status === 'open') await host.engagement.drawLottery();
    const viewers = await Promise.all(Array.from({ length: 9 }, () => connectedClient()));
    const started = await host.engagement.startLottery({ prize: 'Silk scarf', winnersCount: 3, durationMs: 60_000 });
    expect(started.commitment).to.match(/^[0-9a-f]{64}$/);
    expect(started.seed).to.equal(undefined);
    const ids = await Promise.all(
      viewers.map(async (viewer) => {
        await until(viewer.$lottery, (l) => l?.id === started.id);
        return viewer.engagement.enterLottery();
      }),
    );
    expect(new Set(ids).size).to.equal(9);
    // The host's own store follows the entries (coalesced), then the draw.
    await until(host.$lottery, (l) => l?.id === started.id && l.entries === 9, 5000);
    const drawn = await host.engagement.drawLottery();

    const drawnState = await until(viewers[0]!.$lottery, (l) => l?.id === started.id && l.status === 'drawn');
    if (!drawnState) throw new Error('no drawn lottery');
    const seen: Lottery = drawnState;
    const verification = await verifyLottery(seen);
    expect(verification.commitmentMatches).to.equal(true);
    expect(verification.entrantsSorted).to.equal(true);
    expect(verification.expectedWinners).to.deep.equal(drawn.winners);
    expect(verification.ok).to.equal(true);
    expect(seen.entrants).to.deep.equal([...ids].sort());
    // Every viewer knows whether they won, and exactly three did.
    const won = await Promise.all(viewers.map((viewer) => until(viewer.$lottery, (l) => l?.status === 'drawn').then((l) => l?.won)));
    expect(won.filter(Boolean).length).to.equal(3);

    // Tampering is caught: another seed, another winner order, a list not in the published order.
    const tampered: Lottery[] = [
      { ...seen, seed: seen.seed!.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
      { ...seen, winners: [...seen.winners!].reverse() },
      { ...seen, entrants: [...seen.entrants!].reverse() },
    ];
    const results = await Promise.all(tampered.map((l) => verifyLottery(l)));
    expect(results.map((r) => r.ok)).to.deep.equal([false, false, false]);
    expect(await lotteryWinners(seen.seed!, seen.entrants!, 3)).to.deep.equal(drawn.winners);
  });

  it('a viewer who reconnects keeps the open poll, its own vote and the rain’s coupon; a second vote is refused', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const poll = await host.engagement.openPoll({ question: 'Which colour?', options: ['black', 'white'] });
    await until(viewer.$poll, (p) => p?.id === poll.id);
    await viewer.engagement.vote(1);
    expect(viewer.$poll.get()?.myVote).to.equal(1);
    expect(await refusal(viewer.engagement.vote(0))).to.equal('already_done');
    await until(host.$poll, (p) => p?.id === poll.id && p.total >= 1, 5000);

    const rain = await host.engagement.startRedEnvelopeRain({ amount: 200, currency: 'CNY', quota: 5, durationMs: 30_000 });
    await until(viewer.$redEnvelope, (r) => r?.id === rain.id);
    const coupon = await viewer.engagement.grabRedEnvelope();
    expect(viewer.$coupons.get().map((c) => c.id)).to.include(coupon.id);
    expect(await refusal(viewer.engagement.grabRedEnvelope())).to.equal('already_done');

    // A fresh client of the same person would be a new anonymous viewer; a page reload of a viewer with a token
    // keeps the subject. Here: a new signed viewer votes, reconnects with a new client, and sees its vote.
    const viewerToken = await token('viewer', 'Returning viewer');
    const first = await connectedClient({ token: viewerToken });
    await until(first.$poll, (p) => p?.id === poll.id);
    await first.engagement.vote(0);
    first.dispose();
    const again = await connectedClient({ token: viewerToken });
    const restored = await until(again.$poll, (p) => p?.id === poll.id && p.myVote !== null);
    expect(restored?.myVote).to.equal(0);
    expect(restored?.status).to.equal('open');

    await host.engagement.closePoll();
    await until(viewer.$poll, (p) => p?.id === poll.id && p.status === 'closed');
    await host.engagement.startRedEnvelopeRain({ amount: 100, currency: 'CNY', quota: 1, durationMs: 1000 }); // ends the first rain
    await until(viewer.$redEnvelope, (r) => r?.id !== rain.id);
  });

  it('counts down to the host’s countdown on the server clock', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const countdown = await host.engagement.startCountdown({ label: 'Flash sale', durationMs: 5000 });
    const seen = await until(viewer.$countdown, (c) => c?.id === countdown.id);
    const left = seen!.endsAt - viewer.serverNow();
    expect(left).to.be.within(3000, 5100);
    await host.engagement.cancelCountdown();
    await until(viewer.$countdown, (c) => c === null);
  });
});
