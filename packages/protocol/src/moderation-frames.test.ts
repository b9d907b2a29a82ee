import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClientFrame, parseServerFrame } from './parse.js';
import { MAX_MUTE_MS } from './moderation-frames.js';

const client = (frame: object) => parseClientFrame(JSON.stringify(frame));
const server = (frame: object) => parseServerFrame(JSON.stringify(frame));

describe('moderation frames', () => {
  it('accepts the moderation commands and refuses bad author ids, durations and word lists', () => {
    assert.equal(client({ t: 'chat.delete', id: 'a', messageId: 'c_abc' }).ok, true);
    assert.equal(client({ t: 'chat.mute', id: 'a', authorId: 'a_abcdef12', durationMs: 60_000 }).ok, true);
    assert.equal(client({ t: 'chat.mute', id: 'a', authorId: 'a_abcdef12', durationMs: MAX_MUTE_MS + 1 }).ok, false);
    assert.equal(client({ t: 'chat.mute', id: 'a', authorId: 'a_abcdef12', durationMs: 1.5 }).ok, false);
    assert.equal(client({ t: 'chat.ban', id: 'a', authorId: 'viewer-test' }).ok, false, 'a subject is not an author id');
    assert.equal(client({ t: 'chat.blocked-words', id: 'a', words: ['x', '  '] }).ok, false);
    assert.equal(client({ t: 'chat.blocked-words', id: 'a', words: Array.from({ length: 201 }, (_, i) => `w${i}`) }).ok, false);
    const pin = client({ t: 'chat.pin-message', id: 'a', text: '  今晚 8 点  ' });
    assert.ok(pin.ok && pin.value.t === 'chat.pin-message' && pin.value.text === '今晚 8 点');
    assert.equal(client({ t: 'question.ask', id: 'a', text: 'x'.repeat(301) }).ok, false);
    assert.equal(client({ t: 'question.answer', id: 'a', questionId: 'q_1' }).ok, true);
    assert.equal(client({ t: 'question.unpin', id: 'a', extra: 1 }).ok, false, 'strict: no unknown fields');
  });

  it('reads the room events, the notice frame and the new snapshot fields', () => {
    assert.equal(server({ t: 'chat.deleted', seq: 3, at: 1, messageId: 'c_abc' }).ok, true);
    assert.equal(server({ t: 'chat.banned', seq: 4, at: 1, authorId: 'a_abcdef12' }).ok, true);
    assert.equal(server({ t: 'question.asked', seq: 5, at: 1, question: { id: 'q_1', authorId: 'a_abcdef12', name: 'n', text: 't', at: 1, answer: null } }).ok, true);
    assert.equal(server({ t: 'notice', at: 1, notice: { kind: 'join', names: ['A', 'B'], others: 23 } }).ok, true);
    assert.equal(server({ t: 'notice', at: 1, notice: { kind: 'join', names: ['A', 'B', 'C'], others: 0 } }).ok, false);
    assert.equal(server({ t: 'notice', at: 1, notice: { kind: 'purchase', name: '张**', product: 'Coat', quantity: 2, others: 0 } }).ok, true);
    const chat = server({ t: 'chat.message', seq: 6, at: 1, message: { id: 'c_1', name: 'n', role: 'viewer', text: 't', at: 1, authorId: 'a_abcdef12' } });
    assert.ok(chat.ok && chat.value.t === 'chat.message' && chat.value.message.authorId === 'a_abcdef12');
    const older = server({ t: 'chat.message', seq: 6, at: 1, message: { id: 'c_1', name: 'n', role: 'viewer', text: 't', at: 1 } });
    assert.equal(older.ok, true, 'a message without an author id (older server) still reads');
  });
});
