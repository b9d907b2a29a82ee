import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NoticeFrame } from '@live-shop/protocol';
import type { DomainContext } from './context.js';
import { announcePurchase, maskName, Notices, registerNotices } from './notices.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('room notices', () => {
  const made: Notices[] = [];
  afterEach(() => {
    for (const notices of made.splice(0)) notices.dispose();
  });

  function notices(intervalMs = 1000): { notices: Notices; sent: { roomId: string; frame: NoticeFrame }[] } {
    const sent: { roomId: string; frame: NoticeFrame }[] = [];
    const n = new Notices({ broadcast: (roomId, frame) => sent.push({ roomId, frame }), now: Date.now, intervalMs });
    made.push(n);
    return { notices: n, sent };
  }

  it('turns 200 joins in one second into at most 2 notice frames: "A, B and 198 others"', async () => {
    const { notices: n, sent } = notices();
    for (let i = 0; i < 200; i++) {
      n.join('r1', `sub-${i}`, `viewer${i}`);
      if (i % 40 === 39) await sleep(150); // spread over ~750 ms
    }
    await sleep(1200);
    assert.ok(sent.length <= 2, `${sent.length} frames`);
    const joins = sent.map((s) => s.frame.notice).filter((x) => x.kind === 'join');
    assert.equal(joins.reduce((total, x) => total + x.names.length + x.others, 0), 200);
    assert.deepEqual(joins[0], { kind: 'join', names: ['viewer0'], others: 0 });
    assert.deepEqual(joins[1], { kind: 'join', names: ['viewer1', 'viewer2'], others: 197 });
  });

  it('keeps rooms apart and does not announce a reconnect of the same person', async () => {
    const { notices: n, sent } = notices(100);
    n.join('r1', 'alice', 'Alice');
    n.join('r2', 'bob', 'Bob');
    n.join('r1', 'alice', 'Alice'); // reconnect
    await sleep(250);
    assert.deepEqual(
      sent.map((s) => [s.roomId, s.frame.notice]),
      [
        ['r1', { kind: 'join', names: ['Alice'], others: 0 }],
        ['r2', { kind: 'join', names: ['Bob'], others: 0 }],
      ],
    );
  });

  it('masks buyer names and aggregates purchases: the latest one and how many others', async () => {
    assert.equal(maskName('张三'), '张**');
    assert.equal(maskName('张三丰'), '张**');
    assert.equal(maskName('Alice'), 'A**');
    assert.equal(maskName('  '), '**');
    const { notices: n, sent } = notices(200);
    const ctx = { now: Date.now } as unknown as DomainContext;
    registerNotices(ctx, n);
    announcePurchase(ctx, 'r1', '张三', '羊毛大衣', 2);
    announcePurchase(ctx, 'r1', '李四', '围巾', 1);
    announcePurchase(ctx, 'r1', '王五', '手套', 3);
    await sleep(350);
    assert.deepEqual(
      sent.map((s) => s.frame.notice),
      [
        { kind: 'purchase', name: '张**', product: '羊毛大衣', quantity: 2, others: 0 },
        { kind: 'purchase', name: '王**', product: '手套', quantity: 3, others: 1 },
      ],
    );
    assert.ok(!JSON.stringify(sent).includes('张三'), 'the full name never leaves');
    // Without a hub for the context, announcing does nothing and does not throw.
    announcePurchase({ now: Date.now } as unknown as DomainContext, 'r1', 'x', 'y', 1);
  });

  it('drops pending notices when disposed: no timer fires afterwards', async () => {
    const { notices: n, sent } = notices(100);
    n.join('r1', 'a', 'A');
    n.join('r1', 'b', 'B');
    n.dispose();
    await sleep(200);
    assert.equal(sent.length, 1);
  });
});
