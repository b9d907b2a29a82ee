import type { Ack, ClientCommand, Countdown, Coupon, CouponIssue, EngagementMine, Lottery, Poll, RedEnvelopeRain } from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import type { EngagementStores } from '../stores/engagement.js';
import { loadDeferred } from '../signaling/deferred-loader.js';
import type { EngagementEngine } from './engine.js';

/** What {@link Engagement} needs from the client. */
export interface EngagementDeps {
  /** Sends a command and resolves with its ack (rejects with a `LiveShopError` on refusal). */
  command(command: ClientCommand): Promise<Ack>;
  stores: EngagementStores;
  /** Where failures of background refreshes go (the client's `error` event). */
  onError(error: LiveShopError): void;
}

/** What the host gives to open a poll. */
export interface OpenPollInput {
  question: string;
  /** 2 to 6 options. */
  options: string[];
  /** Closes by itself after this long (ms); absent: the host closes it. */
  durationMs?: number;
}

/** What the host gives to start a lottery. */
export interface StartLotteryInput {
  prize: string;
  winnersCount: number;
  /** A chat message containing it enters its author; absent: entry by button only. */
  keyword?: string;
  /** Entry window (ms); the draw follows. */
  durationMs: number;
}

/** What the host gives to start a red-envelope rain. */
export interface StartRedEnvelopeInput {
  /** Coupon value of each envelope, minor units of `currency`. */
  amount: number;
  currency: string;
  /** Envelopes in all: never more are granted. */
  quota: number;
  durationMs: number;
  couponValidMs?: number;
  minSpend?: number;
}

/** What the host gives to issue a coupon (see `coupon.issue` in the protocol). */
export type IssueCouponInput = Omit<CouponIssue, 't' | 'id'>;

/**
 * Polls, lottery, red envelopes, coupons and countdowns of one client (`client.engagement`). Viewer actions
 * (`vote`, `enterLottery`, `grabRedEnvelope`) act on the room's current poll, lottery or rain as the stores show
 * it; host actions are refused with `forbidden` for anyone else. Every action resolves on the server's ack and
 * rejects with a `LiveShopError` carrying the server's code (`already_done`, `ended`, `exhausted`, …).
 *
 * The actions themselves ({@link EngagementEngine}, engine.ts) load after the initial bundle, with the client's
 * deferred module (signaling/deferred.ts, fetched while the socket opens): every action is async anyway, and the
 * stores it updates live in the client, so this facade only hands each call over.
 */
export class Engagement {
  readonly #deps: EngagementDeps;
  #engine: EngagementEngine | null = null;

  constructor(deps: EngagementDeps) {
    this.#deps = deps;
  }

  /** The engine of this client, made once the deferred module is there (see loadDeferred; a failed import is retried). */
  #load(): Promise<EngagementEngine> {
    if (this.#engine) return Promise.resolve(this.#engine);
    return loadDeferred().then(({ EngagementEngine }) => (this.#engine ??= new EngagementEngine(this.#deps)));
  }

  /** Runs `job` once the engine is there; a failed import goes to the client's `error` event. */
  #background(job: (engine: EngagementEngine) => void): void {
    this.#load().then(job, (error: LiveShopError) => this.#deps.onError(error));
  }

  /**
   * Fetches what only this viewer knows (own vote, entrant id, grabbed envelope, usable coupons) into the stores.
   * The client calls it after every `welcome`; call it to pick up a coupon the host issued to this viewer.
   */
  refresh(): Promise<EngagementMine> {
    return this.#load().then((engine) => engine.refresh());
  }

  /** {@link Engagement.refresh} in the background: failures go to the client's `error` event (none for a closed client). */
  resync(): void {
    this.#background((engine) => engine.resync());
  }

  /** Called by the client after its chat message was posted: a comment with the lottery keyword entered this viewer. */
  chatSent(text: string): void {
    this.#background((engine) => engine.chatSent(text));
  }

  /** Votes for option `option` (an index) in the open poll; once per viewer (`already_done` after). */
  vote(option: number): Promise<void> {
    return this.#load().then((engine) => engine.vote(option));
  }

  /** Enters the running lottery (idempotent); resolves with this viewer's opaque entrant id. */
  enterLottery(): Promise<string> {
    return this.#load().then((engine) => engine.enterLottery());
  }

  /**
   * Grabs an envelope of the running rain; resolves with the coupon. Rejects with `exhausted` (all gone),
   * `already_done` (one per viewer) or `ended`.
   */
  grabRedEnvelope(): Promise<Coupon> {
    return this.#load().then((engine) => engine.grabRedEnvelope());
  }

  /** Host only: opens a poll (closing the open one). */
  openPoll(input: OpenPollInput): Promise<Poll> {
    return this.#load().then((engine) => engine.openPoll(input));
  }

  /** Host only: closes the open poll. */
  closePoll(): Promise<void> {
    return this.#load().then((engine) => engine.closePoll());
  }

  /** Host only: starts a lottery; the ack carries its commitment (`sha256(seed)`), never the seed. */
  startLottery(input: StartLotteryInput): Promise<Lottery> {
    return this.#load().then((engine) => engine.startLottery(input));
  }

  /** Host only: closes entries and draws now. */
  drawLottery(): Promise<Lottery> {
    return this.#load().then((engine) => engine.drawLottery());
  }

  /** Host only: starts a red-envelope rain. */
  startRedEnvelopeRain(input: StartRedEnvelopeInput): Promise<RedEnvelopeRain> {
    return this.#load().then((engine) => engine.startRedEnvelopeRain(input));
  }

  /** Host only: issues a coupon to the room, or to one viewer (`to`). */
  issueCoupon(input: IssueCouponInput): Promise<Coupon> {
    return this.#load().then((engine) => engine.issueCoupon(input));
  }

  /** Host only: starts a server-clock countdown of `durationMs` (replacing a running one). */
  startCountdown(input: { label: string; durationMs: number }): Promise<Countdown> {
    return this.#load().then((engine) => engine.startCountdown(input));
  }

  /** Host only: cancels the running countdown. */
  cancelCountdown(): Promise<void> {
    return this.#load().then((engine) => engine.cancelCountdown());
  }
}
