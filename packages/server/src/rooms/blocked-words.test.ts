import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BlockedWords, DEFAULT_BLOCKED_WORDS, findBlockedWord } from './blocked-words.js';

describe('blocked-word filter', () => {
  it('finds built-in English words whatever the case or width, and through separators between letters', () => {
    for (const text of ['fuck this', 'FuCk', 'ｆｕｃｋ you', 'ＦＵＣＫ', 'f u c k', 'f.u.c.k!', 'what the f-u-c-k', 'you shit!', '你好fuck你']) {
      assert.notEqual(findBlockedWord(text, []), null, text);
    }
  });

  it('does not trip on English words that merely contain a blocked word', () => {
    for (const text of ['a classic class', 'Scunthorpe', 'shitake mushrooms', 'assessment', 'I passed']) {
      assert.equal(findBlockedWord(text, ['ass']), null, text);
    }
  });

  it('finds built-in Chinese words through inserted spaces, punctuation, zero-width characters and full-width forms', () => {
    for (const text of ['你是傻逼', '傻 逼', '傻.逼', '傻，逼', '傻\u200b逼', '傻😀逼', '加 微 信 聊', '加ＶＸ：abc', '加 v x', '私下 转账吧']) {
      assert.notEqual(findBlockedWord(text, []), null, text);
    }
  });

  it('lets ordinary shopping chat through', () => {
    for (const text of ['这件大衣有M码吗？', '主播好！', 'Is the coat warm?', '已下单 2 件', 'love it ❤️', '加购物车了']) {
      assert.equal(findBlockedWord(text, []), null, text);
    }
  });

  it("applies the room's own words on top of the built-in list, normalised the same way", () => {
    const room = ['竞品', 'CheapKnockoff', 'ＡＢＣ店'];
    assert.equal(findBlockedWord('去竞 品店买更便宜', room), '竞品');
    assert.equal(findBlockedWord('try cheapknockoff dot com', room), 'cheapknockoff');
    assert.equal(findBlockedWord('abc 店', room), 'abc店');
    assert.equal(findBlockedWord('去竞品店买', []), null);
  });

  it('ignores blank words and keeps a documented, small default list', () => {
    assert.equal(new BlockedWords(['', '  ', '...']).find('anything ... at all'), null);
    assert.ok(DEFAULT_BLOCKED_WORDS.length > 0 && DEFAULT_BLOCKED_WORDS.length <= 30);
  });
});
