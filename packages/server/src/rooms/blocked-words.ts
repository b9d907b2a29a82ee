/**
 * The blocked-word filter of chat and questions (zh and en).
 *
 * Decision: a blocked text is REFUSED with the typed error `blocked` and never stored or fanned out; it is not
 * masked. Masking would still publish the rest of an abusive line and teach the sender which part tripped it.
 *
 * Matching survives simple evasion:
 * - case and width: the text and the words are NFKC-normalised and lower-cased, so `ＦＵＣＫ`, `FuCk` and
 *   full-width `ｆｕｃｋ` are `fuck`, and compatibility forms of CJK characters fold to the plain ones;
 * - inserted separators: every character that is not a letter or a digit (spaces, punctuation, symbols, emoji,
 *   zero-width characters) is ignored, so `傻 逼`, `傻.逼`, `傻​逼` and `加 V X` match `傻逼` / `加vx`;
 * - for words of Latin letters only, the match is on whole words of the text (so `class` does not trip `ass`),
 *   and runs of single letters are joined first (so `f u c k` and `f.u.c.k` match `fuck`). Words with any CJK
 *   character match anywhere, since Chinese has no spaces between words.
 * It does not try to catch homoglyphs across scripts, leetspeak or pinyin: the room's own list can add those.
 */

/**
 * The built-in list, applied in every room on top of the room's own list. Small on purpose: the most common
 * Chinese and English profanity, and the off-platform contact phrases scammers post in live-shopping chats
 * ("add my WeChat", "transfer privately"). Rooms add their own words with `chat.blocked-words`.
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  // zh: profanity
  '傻逼',
  '操你妈',
  '他妈的',
  '草泥马',
  '去死',
  // zh: taking buyers off the platform (scams)
  '加微信',
  '加vx',
  '私下转账',
  // en: profanity
  'fuck',
  'fucking',
  'shit',
  'bitch',
  'cunt',
  'asshole',
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}]+$/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Where Latin words end: separators, and CJK characters (`你好fuck你` holds the word `fuck`). */
const WORD_BREAK = /[^\p{L}\p{N}]+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** NFKC, lower case: the form both the text and the words are compared in. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A word as the filter compares it: folded, separators removed. Empty for a word that is only separators. */
export function normalizeWord(word: string): string {
  return fold(word).replace(NOT_LETTER_OR_DIGIT, '');
}

/** The text's whole words, with runs of single characters joined (`f u c k` → `fuck`). */
function latinTokens(folded: string): Set<string> {
  const parts = folded.split(WORD_BREAK).filter((part) => part.length > 0);
  const tokens = new Set(parts);
  let run = '';
  for (const part of [...parts, '']) {
    if ([...part].length === 1) {
      run += part;
      continue;
    }
    if (run.length > 1) tokens.add(run);
    run = '';
  }
  return tokens;
}

/** A compiled word list: build once per list, test many texts. */
export class BlockedWords {
  readonly #anywhere: string[] = [];
  readonly #whole: Set<string> = new Set();

  /** @param words - the words to block (any case or width); blanks are ignored. */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      const normal = normalizeWord(word);
      if (normal.length === 0) continue;
      if (LATIN_ONLY.test(normal) && !CJK.test(normal)) this.#whole.add(normal);
      else this.#anywhere.push(normal);
    }
  }

  /** The first blocked word (normalised) found in `text`, or null when the text is clean. */
  find(text: string): string | null {
    const folded = fold(text);
    const squeezed = folded.replace(NOT_LETTER_OR_DIGIT, '');
    for (const word of this.#anywhere) if (squeezed.includes(word)) return word;
    if (this.#whole.size > 0) {
      for (const token of latinTokens(folded)) if (this.#whole.has(token)) return token;
    }
    return null;
  }
}

const builtIn = new BlockedWords(DEFAULT_BLOCKED_WORDS);
/** Compiled room lists by their words, so a busy room's list is not rebuilt for every message. Bounded. */
const compiled = new Map<string, BlockedWords>();
const MAX_COMPILED = 256;

function compile(words: readonly string[]): BlockedWords {
  const key = words.join('\u0000');
  let list = compiled.get(key);
  if (!list) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    list = new BlockedWords(words);
    compiled.set(key, list);
  }
  return list;
}

/** The first blocked word in `text` from the built-in list or `roomWords`, or null. */
export function findBlockedWord(text: string, roomWords: readonly string[]): string | null {
  return builtIn.find(text) ?? (roomWords.length > 0 ? compile(roomWords).find(text) : null);
}
