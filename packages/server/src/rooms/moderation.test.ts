import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BANNED_CLOSE_CODE, type ChatMessage, type ServerFrame } from '@live-shop/protocol';
import { signToken } from '../auth/tokens.js';
import type { LiveShopServer } from '../server.js';
import { hostToken, startServer, tempDir, TestClient, TEST_SECRET, within } from '../test/helpers.js';

// Chat moderation end to end: real server, real sockets, real SQLite in a temp folder.

const LOOSE = { perSecond: 1000, burst: 1000 };
const HIGH_LIMITS = { frames: LOOSE, commands: { 'chat.send': LOOSE, 'question.ask': LOOSE } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function viewerToken(sub: string, name = sub): Promise<string> {
  return signToken(TEST_SECRET, { role: 'viewer', room: 'demo', name, sub });
}
function moderatorToken(): Promise<string> {
  return signToken(TEST_SECRET, { role: 'moderator', room: 'demo', name: 'Mod', sub: 'moderator-1' });
}

type Ack = Extract<ServerFrame, { t: 'ack' }>;
async function command(client: TestClient, frame: object): Promise<Ack> {
  const reply = await client.request(frame);
  if (reply.t !== 'ack') throw new Error(`expected an ack, got ${reply.t}`);
  return reply;
}
async function ok(client: TestClient, frame: object): Promise<Ack> {
  const ack = await command(client, frame);
  assert.equal(ack.ok, true, `${JSON.stringify(frame)} failed: ${JSON.stringify(ack.error)}`);
  return ack;
}
async function say(client: TestClient, text: string): Promise<ChatMessage> {
  return (await ok(client, { t: 'chat.send', text })).data as ChatMessage;
}
function chatTexts(client: TestClient): string[] {
  return client.frames.flatMap((f) => (f.t === 'chat.message' ? [f.message.text] : []));
}

describe('chat moderation', () => {
  let server: LiveShopServer;
  let dir: string;
  let removeDir: () => Promise<void>;
  let clock = Date.now();
  const open: TestClient[] = [];

  async function join(options: { token?: string; name?: string } = {}) {
    const joined = await TestClient.join(server, options);
    open.push(joined.client);
    return joined;
  }

  before(async () => {
    const temp = await tempDir();
    dir = temp.dir;
    removeDir = temp.remove;
    server = await startServer({ dataDir: dir, rateLimits: HIGH_LIMITS, now: () => clock });
  });

  after(async () => {
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
    await server.close();
    await removeDir();
  });

  it('gives every message an opaque per-room author id and never sends the token subject', async () => {
    const sub = `merchant-user-${Date.now()}`;
    const { client: alice } = await join({ token: await viewerToken(sub, 'Alice') });
    const { client: bob } = await join();
    const first = await say(alice, 'hello one');
    const second = await say(alice, 'hello two');
    assert.match(first.authorId ?? '', /^a_/);
    assert.equal(first.authorId, second.authorId, 'one author, one id');
    await bob.waitFor((f) => f.t === 'chat.message' && f.message.id === second.id, 'bob sees the messages');
    assert.ok(!JSON.stringify(bob.frames).includes(sub), 'the subject never reaches another viewer');
    const bobs = await say(bob, 'hi from bob');
    assert.notEqual(bobs.authorId, first.authorId);
  });

  it('refuses moderation from viewers with forbidden', async () => {
    const { client: viewer } = await join();
    const message = await say(viewer, 'mine');
    for (const frame of [
      { t: 'chat.delete', messageId: message.id },
      { t: 'chat.mute', authorId: message.authorId, durationMs: 60_000 },
      { t: 'chat.ban', authorId: message.authorId },
      { t: 'chat.unban', authorId: message.authorId },
      { t: 'chat.blocked-words', words: ['x'] },
      { t: 'chat.pin-message', text: 'pinned by a viewer' },
      { t: 'question.pin', questionId: 'q_nothing' },
    ]) {
      const ack = await command(viewer, frame);
      assert.equal(ack.ok, false, frame.t);
      assert.equal(ack.error?.code, 'forbidden', frame.t);
    }
  });

  it('deletes a message for everyone, and from the snapshot and from replays', async () => {
    const { client: host } = await join({ token: await hostToken() });
    const { client: viewer, welcome } = await join();
    const { client: watcher } = await join();
    const doomed = await say(viewer, `doomed ${Date.now()}`);
    const kept = await say(viewer, `kept ${Date.now()}`);
    await ok(host, { t: 'chat.delete', messageId: doomed.id });
    const deleted = await watcher.waitFor((f) => f.t === 'chat.deleted' && f.messageId === doomed.id, 'chat.deleted');
    assert.ok('seq' in deleted && deleted.seq > 0, 'a sequenced room event');
    // A delete of a message already deleted changes nothing and sends nothing.
    await ok(host, { t: 'chat.delete', messageId: doomed.id });

    const { welcome: fresh } = await join();
    assert.ok(!fresh.snapshot.chat.some((m) => m.id === doomed.id), 'gone from the snapshot');
    assert.ok(fresh.snapshot.chat.some((m) => m.id === kept.id), 'the other message stays');

    // A client that left before the message and resumes gets the events it missed, without the deleted text.
    const resumer = await TestClient.open(server);
    open.push(resumer);
    const reply = await resumer.request({ t: 'hello', room: 'demo', epoch: welcome.epoch, lastSeq: welcome.seq });
    assert.equal(reply.t === 'welcome' && reply.recovered, true, 'resumed');
    await resumer.waitFor((f) => f.t === 'chat.message' && f.message.id === kept.id, 'replay reaches the kept message');
    const replayed = resumer.events();
    assert.ok(!JSON.stringify(replayed).includes(doomed.text), 'the deleted text is not replayed');
    assert.ok(replayed.some((e) => e.t === 'chat.deleted' && e.messageId === doomed.id));
    const seqs = replayed.map((e) => e.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => welcome.seq + 1 + i), 'no gap in the replayed seqs');
  });

  it('mutes a viewer for a while: chat and questions are refused with a clear message until it ends', async () => {
    const { client: mod } = await join({ token: await moderatorToken() });
    const { client: viewer } = await join({ token: await viewerToken(`mutee-${Date.now()}`) });
    const message = await say(viewer, 'before the mute');
    const muted = await ok(mod, { t: 'chat.mute', authorId: message.authorId, durationMs: 10 * 60_000 });
    assert.deepEqual(muted.data, { mutedUntil: clock + 10 * 60_000 });
    for (const frame of [{ t: 'chat.send', text: 'while muted' }, { t: 'question.ask', text: 'can I ask?' }]) {
      const refused = await command(viewer, frame);
      assert.equal(refused.error?.code, 'forbidden');
      assert.match(refused.error?.message ?? '', /muted in this room for 10 more minutes/);
    }
    clock += 10 * 60_000 + 1; // the mute runs out
    await say(viewer, 'after the mute');
    await ok(mod, { t: 'chat.mute', authorId: message.authorId, durationMs: 60_000 });
    assert.equal((await command(viewer, { t: 'chat.send', text: 'x' })).error?.code, 'forbidden');
    await ok(mod, { t: 'chat.mute', authorId: message.authorId, durationMs: 0 }); // lifted
    await say(viewer, 'unmuted');
    assert.equal((await command(mod, { t: 'chat.mute', authorId: 'a_unknown123', durationMs: 1000 })).error?.code, 'not_found');
  });

  it("bans a viewer: every socket of theirs closes with the ban code, a new hello is refused, others stay", async () => {
    const sub = `bannee-${Date.now()}`;
    const token = await viewerToken(sub);
    const { client: host } = await join({ token: await hostToken() });
    const { client: phone } = await join({ token });
    const { client: laptop } = await join({ token });
    const { client: bystander } = await join();
    const message = await say(phone, 'spam spam');
    await ok(host, { t: 'chat.ban', authorId: message.authorId });
    const [a, b] = await within(5000, 'both sockets closed', Promise.all([phone.closed, laptop.closed]));
    assert.equal(a.code, BANNED_CLOSE_CODE);
    assert.equal(b.code, BANNED_CLOSE_CODE);
    assert.equal(bystander.socket.readyState, bystander.socket.OPEN);
    await bystander.waitFor((f) => f.t === 'chat.banned' && f.authorId === message.authorId, 'chat.banned');

    const again = await TestClient.open(server);
    open.push(again);
    const refused = await again.request({ t: 'hello', room: 'demo', token });
    assert.equal(refused.t, 'ack');
    assert.equal(refused.t === 'ack' && refused.error?.code, 'forbidden');

    await ok(host, { t: 'chat.unban', authorId: message.authorId });
    const back = await join({ token });
    assert.equal(back.welcome.role, 'viewer');
  });

  it('keeps mutes and bans across a server restart', async () => {
    const bannedToken = await viewerToken(`restart-ban-${Date.now()}`);
    const mutedToken = await viewerToken(`restart-mute-${Date.now()}`);
    const { client: host } = await join({ token: await hostToken() });
    const { client: banned } = await join({ token: bannedToken });
    const { client: muted } = await join({ token: mutedToken });
    const bannedMessage = await say(banned, 'soon banned');
    const mutedMessage = await say(muted, 'soon muted');
    await ok(host, { t: 'chat.mute', authorId: mutedMessage.authorId, durationMs: 60 * 60_000 });
    await ok(host, { t: 'chat.ban', authorId: bannedMessage.authorId });
    await within(5000, 'banned socket closed', banned.closed);

    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
    await server.close();
    server = await startServer({ dataDir: dir, rateLimits: HIGH_LIMITS, now: () => clock });

    const again = await TestClient.open(server);
    open.push(again);
    const refused = await again.request({ t: 'hello', room: 'demo', token: bannedToken });
    assert.equal(refused.t === 'ack' && refused.error?.code, 'forbidden', 'still banned after the restart');
    const { client: stillMuted } = await join({ token: mutedToken });
    const ack = await command(stillMuted, { t: 'chat.send', text: 'am I still muted?' });
    assert.equal(ack.error?.code, 'forbidden', 'still muted after the restart');
  });

  it('refuses blocked words (built-in and the room list, through evasion) with `blocked` and never fans them out', async () => {
    const { client: mod } = await join({ token: await moderatorToken() });
    const { client: viewer } = await join();
    const { client: watcher } = await join();
    const attempts = ['你是傻 逼', '加 Ｖ Ｘ 详聊', 'F.U.C.K this', 'ＳＨＩＴ', '傻\u200b逼'];
    for (const text of attempts) {
      const ack = await command(viewer, { t: 'chat.send', text });
      assert.equal(ack.error?.code, 'blocked', text);
    }
    const words = await ok(mod, { t: 'chat.blocked-words', words: ['竞品店', 'KnockOff', '竞 品店', '...'] });
    assert.deepEqual(words.data, ['竞品店', 'KnockOff'], 'words without letters and duplicates (after normalisation) dropped');
    for (const text of ['去竞·品·店买', 'buy knockoff here', 'KNOCKOFF!']) {
      assert.equal((await command(viewer, { t: 'chat.send', text })).error?.code, 'blocked', text);
    }
    assert.equal((await command(viewer, { t: 'question.ask', text: '有没有竞品店便宜？' })).error?.code, 'blocked');
    const clean = `a clean line ${Date.now()}`;
    await say(viewer, clean);
    await watcher.waitFor((f) => f.t === 'chat.message' && f.message.text === clean, 'the clean line');
    const seen = chatTexts(watcher).join('\n');
    for (const text of [...attempts, '去竞·品·店买', 'buy knockoff here']) assert.ok(!seen.includes(text), `never fanned out: ${text}`);
    await ok(mod, { t: 'chat.blocked-words', words: [] });
    await say(viewer, 'buy knockoff here'); // the room list is gone; the built-in list stays
  });

  it('pins and unpins a host message: event, snapshot field, host only', async () => {
    const { client: host } = await join({ token: await hostToken() });
    const { client: watcher } = await join();
    const text = `今晚 8 点秒杀 ${Date.now()}`;
    const pinned = await ok(host, { t: 'chat.pin-message', text });
    const event = await watcher.waitFor((f) => f.t === 'chat.message-pinned', 'chat.message-pinned');
    assert.equal(event.t === 'chat.message-pinned' && event.pinned.text, text);
    assert.deepEqual(pinned.data, event.t === 'chat.message-pinned' ? event.pinned : null);
    assert.equal((await join()).welcome.snapshot.pinnedMessage?.text, text);
    const { client: mod } = await join({ token: await moderatorToken() });
    assert.equal((await command(mod, { t: 'chat.unpin-message' })).error?.code, 'forbidden');
    await ok(host, { t: 'chat.unpin-message' });
    await watcher.waitFor((f) => f.t === 'chat.message-unpinned', 'chat.message-unpinned');
    assert.equal((await join()).welcome.snapshot.pinnedMessage, null);
    await ok(host, { t: 'chat.unpin-message' }); // nothing pinned: fine, no event
  });

  it('lets viewers ask, the host answer and pin a question: events and snapshot fields', async () => {
    const { client: host } = await join({ token: await hostToken() });
    const { client: viewer } = await join({ name: 'Asker' });
    const text = `M 码有货吗？${Date.now()}`;
    const asked = await ok(viewer, { t: 'question.ask', text });
    const question = asked.data as { id: string; authorId: string; answer: null };
    assert.equal(question.answer, null);
    await host.waitFor((f) => f.t === 'question.asked' && f.question.id === question.id, 'the host sees the question');
    assert.equal((await command(viewer, { t: 'question.answer', questionId: question.id })).error?.code, 'forbidden');
    assert.equal((await command(viewer, { t: 'question.pin', questionId: question.id })).error?.code, 'forbidden');
    assert.equal((await command(host, { t: 'question.pin', questionId: 'q_nope' })).error?.code, 'not_found');
    await ok(host, { t: 'question.pin', questionId: question.id });
    await ok(host, { t: 'question.answer', questionId: question.id, answer: '有的，M 码还有 20 件' });
    await viewer.waitFor((f) => f.t === 'question.answered' && f.questionId === question.id, 'question.answered');
    const { welcome } = await join();
    const inSnapshot = welcome.snapshot.questions?.find((q) => q.id === question.id);
    assert.equal(inSnapshot?.text, text);
    assert.equal(inSnapshot?.answer, '有的，M 码还有 20 件');
    assert.equal(welcome.snapshot.pinnedQuestionId, question.id);
    await ok(host, { t: 'question.unpin' });
    await viewer.waitFor((f) => f.t === 'question.unpinned', 'question.unpinned');
    assert.equal((await join()).welcome.snapshot.pinnedQuestionId, null);
  });

  it('aggregates 200 joins into at most one notice per second, counting every joiner once', async () => {
    const { client: host } = await join({ token: await hostToken() });
    await sleep(1100); // earlier joins' notices are out of the way
    host.frames.length = 0;
    const started = Date.now();
    const joiners = await Promise.all(Array.from({ length: 200 }, (_, i) => TestClient.join(server, { name: `J${i}` })));
    const elapsed = Date.now() - started;
    open.push(...joiners.map((j) => j.client));
    const notices = () => host.frames.filter((f): f is Extract<ServerFrame, { t: 'notice' }> => f.t === 'notice');
    const counted = () => notices().reduce((n, f) => n + (f.notice.kind === 'join' ? f.notice.names.length + f.notice.others : 0), 0);
    await within(5000, 'every join counted', (async () => {
      while (counted() < 200) await sleep(50);
    })());
    await sleep(1100);
    assert.equal(counted(), 200, 'every joiner exactly once');
    // One at once, then at most one per second while joins keep coming.
    const bound = Math.ceil(elapsed / 1000) + 1;
    assert.ok(notices().length <= bound, `${notices().length} notices for 200 joins in ${elapsed} ms (bound ${bound})`);
    const gaps = notices().slice(1).map((f, i) => f.at - notices()[i]!.at);
    assert.ok(gaps.every((gap) => gap >= 0), 'in order');
    const first = notices()[0]!;
    assert.equal(first.notice.kind, 'join');
    assert.ok(first.notice.kind === 'join' && first.notice.names.length >= 1 && first.notice.names.length <= 2);
    assert.ok(host.events().every((e) => e.t !== ('notice' as string)), 'notices are not room events');
    assert.ok(notices().every((f) => !('seq' in f)), 'no seq on a notice');
  });
});
