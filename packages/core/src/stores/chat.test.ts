import { expect } from '@open-wc/testing';
import { appendBounded, CHAT_LIMIT } from './chat.js';

describe('chat ring', () => {
  it('keeps the latest 100 messages, oldest first', () => {
    let list: readonly number[] = [];
    for (let i = 1; i <= 250; i++) list = appendBounded(list, [i]);
    expect(CHAT_LIMIT).to.equal(100);
    expect(list.length).to.equal(100);
    expect(list[0]).to.equal(151);
    expect(list[99]).to.equal(250);
  });

  it('does not change the list it was given', () => {
    const before = Object.freeze([1, 2, 3]);
    const after = appendBounded(before, [4], 3);
    expect(after).to.deep.equal([2, 3, 4]);
    expect(before).to.deep.equal([1, 2, 3]);
  });

  it('trims a snapshot longer than the limit to its newest part', () => {
    expect(appendBounded([], [1, 2, 3, 4, 5], 2)).to.deep.equal([4, 5]);
  });
});
