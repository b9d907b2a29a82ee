import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { atom } from 'nanostores';
import type { Question } from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import { connectedClient, disposeClients, fastReconnect, token, until } from '../test/helpers.js';
import { applyNotice, createNoticesStore } from './notices.js';
import { addQuestion, answerQuestion, createPinnedQuestionStore } from './questions.js';

async function moderatorToken(): Promise<string> {
  return executeServerCommand<string, { role: string; room: string }>('live-shop-token', { role: 'moderator', room: 'demo' });
}

const question = (id: string, text = id): Question => ({ id, authorId: 'a_abcdefgh', name: 'n', text, at: 1, answer: null });

describe('moderation stores (pure)', () => {
  it('keeps questions bounded and replaces one asked again, answers by id', () => {
    let list: readonly Question[] = [];
    for (let i = 0; i < 105; i++) list = addQuestion(list, question(`q${i}`));
    expect(list.length).to.equal(100);
    expect(list[0]!.id).to.equal('q5');
    list = addQuestion(list, question('q50', 'again'));
    expect(list.length).to.equal(100);
    expect(list.at(-1)!.text).to.equal('again');
    const answered = answerQuestion(list, 'q60', 'yes');
    expect(answered.find((q) => q.id === 'q60')!.answer).to.equal('yes');
    expect(answerQuestion(list, 'nope', 'x')).to.equal(list);
  });

  it('computes the pinned question from the id and the list', () => {
    const $id = atom<string | null>(null);
    const $list = atom<readonly Question[]>([question('q1'), question('q2')]);
    const $pinned = createPinnedQuestionStore($id, $list);
    const seen: (string | null)[] = [];
    const stop = $pinned.subscribe((q) => seen.push(q?.id ?? null));
    $id.set('q2');
    $id.set('q9');
    stop();
    expect(seen).to.deep.equal([null, 'q2', null]);
  });

  it('keeps the latest 20 notices with increasing ids', () => {
    const $notices = createNoticesStore();
    for (let i = 0; i < 25; i++) applyNotice($notices, { t: 'notice', at: i, notice: { kind: 'join', names: [`v${i}`], others: 0 } });
    const list = $notices.get();
    expect(list.length).to.equal(20);
    expect(list[0]!.at).to.equal(5);
    expect(list.every((n, i) => i === 0 || n.id > list[i - 1]!.id)).to.equal(true);
  });
});

describe('moderation through LiveShopClient (real server)', () => {
  afterEach(() => disposeClients());

  it('removes a deleted message from every client and carries author ids', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient();
    const other = await connectedClient();
    const text = `delete me ${Date.now()}`;
    await viewer.sendChat(text);
    const [message] = (await until(other.$chat, (chat) => chat.some((m) => m.text === text))).filter((m) => m.text === text);
    expect(message!.authorId).to.match(/^a_/);
    await host.deleteMessage(message!.id);
    await until(other.$chat, (chat) => !chat.some((m) => m.id === message!.id));
    await until(viewer.$chat, (chat) => !chat.some((m) => m.id === message!.id));
    const late = await connectedClient();
    expect(late.$chat.get().some((m) => m.id === message!.id)).to.equal(false);
  });

  it('refuses moderation from a viewer with forbidden', async () => {
    const viewer = await connectedClient();
    const error = await viewer.deleteMessage('c_whatever').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(LiveShopError);
    expect((error as LiveShopError).code).to.equal('forbidden');
  });

  it('mirrors the pinned message and the questions into stores, from events and from the snapshot', async () => {
    const host = await connectedClient({ token: await token('host') });
    const viewer = await connectedClient({ name: 'Asker' });
    const pin = `pinned ${Date.now()}`;
    await host.pinMessage(pin);
    await until(viewer.$pinnedMessage, (p) => p?.text === pin);
    const ask = `is M in stock? ${Date.now()}`;
    await viewer.askQuestion(ask);
    const asked = (await until(host.$questions, (qs) => qs.some((q) => q.text === ask))).find((q) => q.text === ask)!;
    await host.answerQuestion(asked.id, 'yes');
    await host.pinQuestion(asked.id);
    await until(viewer.$pinnedQuestion, (q) => q?.id === asked.id && q.answer === 'yes');
    const late = await connectedClient();
    expect(late.$pinnedMessage.get()?.text).to.equal(pin);
    expect(late.$pinnedQuestion.get()?.text).to.equal(ask);
    await host.unpinMessage();
    await host.unpinQuestion();
    await until(viewer.$pinnedMessage, (p) => p === null);
    await until(viewer.$pinnedQuestion, (q) => q === null);
  });

  it('refuses a muted viewer and a blocked word with typed errors', async () => {
    const mod = await connectedClient({ token: await moderatorToken() });
    const viewer = await connectedClient();
    const text = `mute me ${Date.now()}`;
    await viewer.sendChat(text);
    const message = (await until(mod.$chat, (chat) => chat.some((m) => m.text === text))).find((m) => m.text === text)!;
    const blocked = await viewer.sendChat('加 微 信 详聊').catch((e: unknown) => e);
    expect((blocked as LiveShopError).code).to.equal('blocked');
    const { mutedUntil } = await mod.muteAuthor(message.authorId!, 60_000);
    expect(mutedUntil).to.be.a('number');
    const muted = await viewer.sendChat('hello?').catch((e: unknown) => e);
    expect((muted as LiveShopError).code).to.equal('forbidden');
    expect((muted as LiveShopError).message).to.match(/muted/);
  });

  it('closes a banned viewer for good: the reconnect is refused and the client stops', async () => {
    const host = await connectedClient({ token: await token('host') });
    // Anonymous: its subject is this connection's own, so the ban touches no other test.
    const viewer = await connectedClient({ reconnect: fastReconnect });
    const text = `ban me ${Date.now()}`;
    await viewer.sendChat(text);
    const message = (await until(host.$chat, (chat) => chat.some((m) => m.text === text))).find((m) => m.text === text)!;
    const notices = await connectedClient();
    await host.banAuthor(message.authorId!);
    // An anonymous viewer comes back as someone new, so its reconnect is admitted; what matters is the close.
    const state = await until(viewer.$connection, (s) => s.status !== 'open');
    expect(state.error?.message).to.match(/4403/);
    expect(notices.$connection.get().status).to.equal('open');
  });

  it('fills $notices with join notices', async () => {
    const watcher = await connectedClient({ token: await token('host') });
    await connectedClient({ name: `joiner-${Date.now() % 1000}` });
    await until(watcher.$notices, (list) => list.some((n) => n.kind === 'join'), 5000);
  });
});
