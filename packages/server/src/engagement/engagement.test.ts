import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Coupon, EngagementMine, Lottery, Poll, RedEnvelopeRain, ServerFrame } from '@live-shop/protocol';
import type { LiveShopServer } from '../server.js';
import { hostToken, startServer, tempDir, TestClient, within } from '../test/helpers.js';
import { COALESCE_MS } from './runtime.js';

type Frame<T extends ServerFrame['t']> = Extract<ServerFrame, { t: T }>;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The ack's data, or a failure naming the refusal. */
async function ok<T>(client: TestClient, frame: object): Promise<T> {
  const reply = await client.request(frame);
  if (reply.t !== 'ack' || !reply.ok) throw new Error(`${JSON.stringify(frame)} was refused: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

/** The error code of a refused command, or a failure when it was accepted. */
async function refused(client: TestClient, frame: object): Promise<string> {
  const reply = await client.request(frame);
  if (reply.t !== 'ack' || reply.ok) throw new Error(`${JSON.stringify(frame)} was accepted: ${JSON.stringify(reply)}`);
  return reply.error?.code ?? 'none';
}

const of = <T extends ServerFrame['t']>(client: TestClient, t: T): Frame<T>[] => client.frames.filter((f): f is Frame<T> => f.t === t);

/** Joins `n` anonymous viewers, `batch` at a time (each is its own viewer: its own subject). */
async function viewers(server: LiveShopServer, n: number, batch = 50): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < n; i += batch) {
    const joined = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => TestClient.join(server)));
    out.push(...joined.map((j) => j.client));
  }
  return out;
}

describe('engagement over real sockets', () => {
  let server: LiveShopServer;
  let removeDir: () => Promise<void>;
  const opened: TestClient[] = [];
  const track = <T extends TestClient>(client: T) => (opened.push(client), client);

  async function host(): Promise<TestClient> {
    return track((await TestClient.join(server, { token: await hostToken() })).client);
  }

  before(async () => {
    const { dir, remove } = await tempDir();
    removeDir = remove;
    server = await startServer({ dataDir: dir });
  });
  after(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await server.close();
    await removeDir();
  });

  it('polls: one vote per viewer, results coalesced to at most ~2 events a second, the own vote known, closed by the host', async () => {
    const h = await host();
    const voters = (await viewers(server, 30)).map(track);
    const watcher = voters[0]!;
    assert.equal(await refused(watcher, { t: 'poll.open', question: 'Q?', options: ['a', 'b'] }), 'forbidden');
    assert.equal(await refused(h, { t: 'poll.open', question: 'Q?', options: ['only one'] }), 'invalid');
    const poll = await ok<Poll>(h, { t: 'poll.open', question: '哪个颜色？ Which colour?', options: ['黑 black', '白 white', '红 red'] });
    assert.deepEqual(poll.counts, [0, 0, 0]);
    await watcher.waitFor((f) => f.t === 'poll.opened' && f.poll.id === poll.id, 'poll.opened');

    const started = Date.now();
    // 30 viewers vote at once: options 0,1,2,0,1,2…
    const votes = await Promise.all(voters.map((v, i) => v.request({ t: 'poll.vote', pollId: poll.id, option: i % 3 })));
    assert.ok(votes.every((a) => a.t === 'ack' && a.ok), 'every first vote is accepted');
    assert.equal(await refused(voters[1]!, { t: 'poll.vote', pollId: poll.id, option: 2 }), 'already_done');
    assert.equal(await refused(voters[2]!, { t: 'poll.vote', pollId: poll.id, option: 9 }), 'invalid');

    await watcher.waitFor((f) => f.t === 'poll.results' && f.pollId === poll.id && f.total === 30, 'results reaching 30', 3000);
    const results = of(watcher, 'poll.results').filter((r) => r.pollId === poll.id);
    const elapsed = Date.now() - started;
    assert.ok(results.length <= Math.ceil(elapsed / COALESCE_MS) + 1, `${results.length} result events in ${elapsed} ms`);
    assert.deepEqual(results.at(-1)!.counts, [10, 10, 10]);

    // The own vote: known to the viewer who cast it, nobody else.
    const mine = await ok<EngagementMine>(voters[4]!, { t: 'engagement.mine' });
    assert.deepEqual(mine.vote, { pollId: poll.id, option: 1 });
    const late = track((await TestClient.join(server)).client);
    assert.equal((await ok<EngagementMine>(late, { t: 'engagement.mine' })).vote, null);

    const closed = await ok<Poll>(h, { t: 'poll.close', pollId: poll.id });
    assert.equal(closed.status, 'closed');
    const closedEvent = await watcher.waitFor((f) => f.t === 'poll.closed' && f.pollId === poll.id, 'poll.closed');
    assert.equal(closedEvent.t === 'poll.closed' && closedEvent.total, 30);
    assert.equal(await refused(late, { t: 'poll.vote', pollId: poll.id, option: 0 }), 'ended');
  });

  it('polls: a timed poll closes itself at its end', async () => {
    const h = await host();
    const poll = await ok<Poll>(h, { t: 'poll.open', question: 'Quick?', options: ['yes', 'no'], durationMs: 1000 });
    assert.ok(poll.endsAt !== null && poll.endsAt - poll.openedAt === 1000);
    await h.waitFor((f) => f.t === 'poll.closed' && f.pollId === poll.id, 'the timer closed the poll', 4000);
  });

  it('red envelopes: 500 viewers grabbing at once on a quota of 50 get exactly 50 coupons, one each', async () => {
    const h = await host();
    const grabbers = (await viewers(server, 500)).map(track);
    const rain = await ok<RedEnvelopeRain>(h, { t: 'redenvelope.start', amount: 500, currency: 'CNY', quota: 50, durationMs: 30_000 });
    assert.equal(rain.remaining, 50);
    await grabbers[499]!.waitFor((f) => f.t === 'redenvelope.started', 'rain started');

    const replies = await Promise.all(grabbers.map((g) => g.request({ t: 'redenvelope.grab', rainId: rain.id })));
    const granted = replies.filter((r) => r.t === 'ack' && r.ok);
    const codes = replies.flatMap((r) => (r.t === 'ack' && !r.ok ? [r.error?.code] : []));
    assert.equal(granted.length, 50, 'exactly the quota is granted');
    assert.equal(codes.length, 450);
    assert.ok(codes.every((c) => c === 'exhausted'), `every other grab is refused as exhausted: ${[...new Set(codes)].join(',')}`);
    const coupons = granted.map((r) => (r.t === 'ack' ? (r.data as Coupon) : null));
    assert.equal(new Set(coupons.map((c) => c?.id)).size, 50, '50 distinct coupons');
    assert.ok(coupons.every((c) => c?.scope === 'viewer' && c.discount.kind === 'amount' && c.discount.amount === 500));

    // The last envelope ends the rain; a second grab by a winner is refused as a repeat.
    const ended = await h.waitFor((f) => f.t === 'redenvelope.ended' && f.rainId === rain.id, 'rain ended');
    assert.equal(ended.t === 'redenvelope.ended' && ended.remaining, 0);
    const winner = grabbers[replies.findIndex((r) => r.t === 'ack' && r.ok)]!;
    assert.equal(await refused(winner, { t: 'redenvelope.grab', rainId: rain.id }), 'already_done');
    const mine = await ok<EngagementMine>(winner, { t: 'engagement.mine' });
    assert.equal(mine.grabbed?.rainId, rain.id);
    assert.ok(mine.coupons.some((c) => c.id === mine.grabbed?.coupon.id), 'the grabbed coupon is among the usable ones');
    // Remaining counts never went up and never below zero.
    const remaining = of(h, 'redenvelope.remaining').filter((e) => e.rainId === rain.id).map((e) => e.remaining);
    assert.deepEqual([...remaining].sort((a, b) => b - a), remaining);
    assert.ok(remaining.every((n) => n >= 0 && n < 50));
    await Promise.all(grabbers.map((g) => g.close()));
  });

  it('lottery: commitment first, entries by button and by comment keyword, a draw anyone can recompute, opaque entrant ids', async () => {
    const h = await host();
    const people = (await viewers(server, 12)).map(track);
    const lottery = await ok<Lottery>(h, { t: 'lottery.start', prize: '一件羊毛大衣 A wool coat', winnersCount: 3, keyword: '抽奖', durationMs: 60_000 });
    assert.match(lottery.commitment, /^[0-9a-f]{64}$/);
    assert.equal(lottery.seed, undefined, 'the seed stays secret until the draw');
    await people[0]!.waitFor((f) => f.t === 'lottery.started', 'lottery.started');

    const ids = new Map<TestClient, string>();
    for (const p of people.slice(0, 8)) ids.set(p, (await ok<{ entrantId: string }>(p, { t: 'lottery.enter', lotteryId: lottery.id })).entrantId);
    // Entering again is harmless and gives the same id.
    assert.equal((await ok<{ entrantId: string }>(people[0]!, { t: 'lottery.enter', lotteryId: lottery.id })).entrantId, ids.get(people[0]!));
    // Four enter by writing the keyword in chat; one chats without it.
    for (const p of people.slice(8)) await ok(p, { t: 'chat.send', text: '我要抽奖！' });
    await ok(h, { t: 'chat.send', text: '抽奖 is open' }); // the host is never an entrant
    for (const p of people.slice(8)) {
      const mine = await ok<EngagementMine>(p, { t: 'engagement.mine' });
      assert.ok(mine.entrant, 'a keyword comment entered its author');
      ids.set(p, mine.entrant.entrantId);
    }
    assert.equal(await refused(h, { t: 'lottery.enter', lotteryId: lottery.id }), 'forbidden');
    await h.waitFor((f) => f.t === 'lottery.entries' && f.lotteryId === lottery.id && f.entries === 12, 'entries reaching 12', 3000);

    const drawn = await ok<Lottery>(h, { t: 'lottery.draw', lotteryId: lottery.id });
    const event = await people[0]!.waitFor((f) => f.t === 'lottery.drawn', 'lottery.drawn');
    assert.ok(event.t === 'lottery.drawn');
    assert.deepEqual(event.lottery, drawn);
    assert.equal(sha256(drawn.seed!), lottery.commitment, 'the revealed seed matches the commitment');
    assert.deepEqual(drawn.entrants, [...ids.values()].sort(), 'every entrant is published, sorted');
    // The documented rule, recomputed here independently of the server's code.
    const expected = [...drawn.entrants!]
      .sort((a, b) => {
        const [x, y] = [sha256(`${drawn.seed}:${a}`), sha256(`${drawn.seed}:${b}`)];
        return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
      })
      .slice(0, 3);
    assert.deepEqual(drawn.winners, expected);
    for (const id of drawn.entrants!) assert.doesNotMatch(id, /anon-/, 'entrant ids are not subjects');
    // Too late for a newcomer; an entrant asking again still gets their id (to check the published list).
    const newcomer = track((await TestClient.join(server)).client);
    assert.equal(await refused(newcomer, { t: 'lottery.enter', lotteryId: lottery.id }), 'ended');
    assert.equal((await ok<{ entrantId: string }>(people[0]!, { t: 'lottery.enter', lotteryId: lottery.id })).entrantId, ids.get(people[0]!));

    // The host rewards a winner by entrant id; only that viewer sees the coupon.
    const winnerId = drawn.winners![0]!;
    const winner = [...ids].find(([, id]) => id === winnerId)![0];
    const coupon = await ok<Coupon>(h, {
      t: 'coupon.issue',
      discount: { kind: 'percent', percent: 20 },
      validMs: 3_600_000,
      label: '中奖券',
      to: { kind: 'entrant', lotteryId: lottery.id, entrantId: winnerId },
    });
    assert.equal(coupon.source, 'lottery');
    assert.ok((await ok<EngagementMine>(winner, { t: 'engagement.mine' })).coupons.some((c) => c.id === coupon.id));
    const loser = people.find((p) => !drawn.winners!.includes(ids.get(p)!))!;
    assert.ok(!(await ok<EngagementMine>(loser, { t: 'engagement.mine' })).coupons.some((c) => c.id === coupon.id));
  });

  it('a viewer joining mid-show gets the open poll, running lottery, rain, countdown and room coupons in the snapshot; a resume replays what it missed', async () => {
    const h = await host();
    const { client: early, welcome: first } = await TestClient.join(server);
    track(early);
    const lastSeq = first.seq;
    await early.close();

    const poll = await ok<Poll>(h, { t: 'poll.open', question: 'Size?', options: ['S', 'M', 'L'], durationMs: 60_000 });
    const voter = track((await TestClient.join(server)).client);
    await ok(voter, { t: 'poll.vote', pollId: poll.id, option: 2 });
    const lottery = await ok<Lottery>(h, { t: 'lottery.start', prize: 'Tea set', winnersCount: 1, durationMs: 60_000 });
    const rain = await ok<RedEnvelopeRain>(h, { t: 'redenvelope.start', amount: 300, currency: 'CNY', quota: 10, durationMs: 60_000 });
    const countdown = await ok<{ id: string; endsAt: number }>(h, { t: 'countdown.start', label: '秒杀 Flash sale', durationMs: 120_000 });
    const roomCoupon = await ok<Coupon>(h, { t: 'coupon.issue', discount: { kind: 'amount', amount: 1000, currency: 'CNY' }, minSpend: 5000, validMs: 3_600_000 });
    await voter.waitFor((f) => f.t === 'poll.results' && f.pollId === poll.id && f.total === 1, 'the vote counted', 3000);

    const { client: late, welcome } = await TestClient.join(server);
    track(late);
    const s = welcome.snapshot;
    assert.equal(s.poll?.id, poll.id);
    assert.deepEqual(s.poll?.counts, [0, 0, 1]);
    assert.equal(s.lottery?.id, lottery.id);
    assert.equal(s.lottery?.status, 'open');
    assert.equal(s.lottery?.seed, undefined);
    assert.equal(s.redEnvelope?.id, rain.id);
    assert.equal(s.countdown?.id, countdown.id);
    assert.equal(s.countdown?.endsAt, countdown.endsAt);
    assert.ok(s.coupons?.some((c) => c.id === roomCoupon.id && c.scope === 'room'));
    assert.ok((await ok<EngagementMine>(late, { t: 'engagement.mine' })).coupons.some((c) => c.id === roomCoupon.id));

    // The viewer who left before all this resumes and is replayed every engagement event it missed, in order.
    const resumed = track(await TestClient.open(server));
    const reply = await resumed.request({ t: 'hello', room: 'demo', epoch: first.epoch, lastSeq });
    assert.ok(reply.t === 'welcome' && reply.recovered, 'resumed within the window');
    await resumed.waitFor((f) => f.t === 'coupon.issued', 'replay reaching the coupon');
    const types = resumed.events().map((e) => e.t);
    for (const t of ['poll.opened', 'poll.results', 'lottery.started', 'redenvelope.started', 'countdown.started', 'coupon.issued']) {
      assert.ok(types.includes(t as (typeof types)[number]), `replayed ${t}`);
    }
    const seqs = resumed.events().map((e) => e.seq);
    assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => lastSeq + 1 + i), 'no gap, no duplicate');

    await ok(h, { t: 'countdown.cancel' });
    await within(3000, 'countdown.cancelled', late.waitFor((f) => f.t === 'countdown.cancelled', 'countdown.cancelled'));
    const again = await TestClient.join(server);
    track(again.client);
    assert.equal(again.welcome.snapshot.countdown, null);
  });
});
