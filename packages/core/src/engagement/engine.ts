import {
  CountdownSchema,
  CouponSchema,
  EngagementMineSchema,
  LotterySchema,
  PollSchema,
  RedEnvelopeRainSchema,
  validate,
  type Ack,
  type ClientCommand,
  type Countdown,
  type Coupon,
  type EngagementMine,
  type Lottery,
  type Poll,
  type RedEnvelopeRain,
} from '@live-shop/protocol';
import { LiveShopError } from '../errors.js';
import { mergeCoupons } from '../stores/engagement.js';
import { applyMine } from './apply-mine.js';
import type { Engagement, EngagementDeps, IssueCouponInput, OpenPollInput, StartLotteryInput, StartRedEnvelopeInput } from './actions.js';

function parse<T>(schema: Parameters<typeof validate<T>>[0], data: unknown, what: string): T {
  const parsed = validate(schema, data);
  if (!parsed.ok) throw new LiveShopError('internal', `the server's ${what} is unreadable: ${parsed.error.message}`);
  return parsed.value;
}

/**
 * What {@link Engagement} does, loaded on its first use: polls, lottery, red envelopes, coupons and countdowns of one
 * client (`client.engagement`). Viewer actions
 * (`vote`, `enterLottery`, `grabRedEnvelope`) act on the room's current poll, lottery or rain as the stores show
 * it; host actions are refused with `forbidden` for anyone else. Every action resolves on the server's ack and
 * rejects with a `LiveShopError` carrying the server's code (`already_done`, `ended`, `exhausted`, …).
 */
export class EngagementEngine {
  readonly #deps: EngagementDeps;
  #refreshing: Promise<EngagementMine> | null = null;

  constructor(deps: EngagementDeps) {
    this.#deps = deps;
  }

  /**
   * Fetches what only this viewer knows (own vote, entrant id, grabbed envelope, usable coupons) into the stores.
   * The client calls it after every `welcome`; call it to pick up a coupon the host issued to this viewer.
   */
  refresh(): Promise<EngagementMine> {
    this.#refreshing ??= this.#deps
      .command({ t: 'engagement.mine' })
      .then((ack) => {
        const mine = parse(EngagementMineSchema, ack.data, 'engagement state');
        applyMine(this.#deps.stores, mine);
        return mine;
      })
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }

  /** {@link EngagementEngine.refresh} in the background: failures go to the client's `error` event (none for a closed client). */
  resync(): void {
    this.refresh().catch((error: unknown) => {
      if (error instanceof LiveShopError && (error.code === 'closed' || error.code === 'network')) return;
      this.#deps.onError(error instanceof LiveShopError ? error : new LiveShopError('internal', 'engagement refresh failed', { cause: error }));
    });
  }

  /** Called by the client after its chat message was posted: a comment with the lottery keyword entered this viewer. */
  chatSent(text: string): void {
    const lottery = this.#deps.stores.$lottery.get();
    if (lottery?.status === 'open' && lottery.keyword && lottery.entrantId === null && text.toLocaleLowerCase().includes(lottery.keyword.toLocaleLowerCase())) {
      this.resync();
    }
  }

  /** Votes for option `option` (an index) in the open poll; once per viewer (`already_done` after). */
  async vote(option: number): Promise<void> {
    const { $poll } = this.#deps.stores;
    const poll = $poll.get();
    if (!poll || poll.status !== 'open') throw new LiveShopError('ended', 'there is no open poll');
    await this.#deps.command({ t: 'poll.vote', pollId: poll.id, option });
    const now = $poll.get();
    if (now?.id === poll.id) $poll.set({ ...now, myVote: option });
  }

  /** Enters the running lottery (idempotent); resolves with this viewer's opaque entrant id. */
  async enterLottery(): Promise<string> {
    const { $lottery } = this.#deps.stores;
    const lottery = $lottery.get();
    if (!lottery || lottery.status !== 'open') throw new LiveShopError('ended', 'there is no open lottery');
    const ack = await this.#deps.command({ t: 'lottery.enter', lotteryId: lottery.id });
    const entrantId = (ack.data as { entrantId?: unknown } | undefined)?.entrantId;
    if (typeof entrantId !== 'string') throw new LiveShopError('internal', 'the server sent no entrant id');
    const now = $lottery.get();
    if (now?.id === lottery.id) $lottery.set({ ...now, entrantId });
    return entrantId;
  }

  /**
   * Grabs an envelope of the running rain; resolves with the coupon. Rejects with `exhausted` (all gone),
   * `already_done` (one per viewer) or `ended`.
   */
  async grabRedEnvelope(): Promise<Coupon> {
    const { $redEnvelope, $coupons } = this.#deps.stores;
    const rain = $redEnvelope.get();
    if (!rain || rain.status !== 'open') throw new LiveShopError('ended', 'there is no red-envelope rain');
    const ack = await this.#deps.command({ t: 'redenvelope.grab', rainId: rain.id });
    const coupon = parse(CouponSchema, ack.data, 'coupon');
    const now = $redEnvelope.get();
    if (now?.id === rain.id) $redEnvelope.set({ ...now, grabbed: coupon });
    $coupons.set(mergeCoupons($coupons.get(), [coupon]));
    return coupon;
  }

  /** Host only: opens a poll (closing the open one). */
  async openPoll(input: OpenPollInput): Promise<Poll> {
    const ack = await this.#deps.command({ t: 'poll.open', question: input.question, options: input.options, ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }) });
    return parse(PollSchema, ack.data, 'poll');
  }

  /** Host only: closes the open poll. */
  async closePoll(): Promise<void> {
    const poll = this.#deps.stores.$poll.get();
    if (!poll || poll.status !== 'open') throw new LiveShopError('ended', 'there is no open poll');
    await this.#deps.command({ t: 'poll.close', pollId: poll.id });
  }

  /** Host only: starts a lottery; the ack carries its commitment (`sha256(seed)`), never the seed. */
  async startLottery(input: StartLotteryInput): Promise<Lottery> {
    const ack = await this.#deps.command({
      t: 'lottery.start',
      prize: input.prize,
      winnersCount: input.winnersCount,
      durationMs: input.durationMs,
      ...(input.keyword === undefined ? {} : { keyword: input.keyword }),
    });
    return parse(LotterySchema, ack.data, 'lottery');
  }

  /** Host only: closes entries and draws now. */
  async drawLottery(): Promise<Lottery> {
    const lottery = this.#deps.stores.$lottery.get();
    if (!lottery || lottery.status !== 'open') throw new LiveShopError('ended', 'there is no open lottery');
    const ack = await this.#deps.command({ t: 'lottery.draw', lotteryId: lottery.id });
    return parse(LotterySchema, ack.data, 'lottery');
  }

  /** Host only: starts a red-envelope rain. */
  async startRedEnvelopeRain(input: StartRedEnvelopeInput): Promise<RedEnvelopeRain> {
    const ack = await this.#deps.command({ t: 'redenvelope.start', ...input });
    return parse(RedEnvelopeRainSchema, ack.data, 'rain');
  }

  /** Host only: issues a coupon to the room, or to one viewer (`to`). */
  async issueCoupon(input: IssueCouponInput): Promise<Coupon> {
    const ack = await this.#deps.command({ t: 'coupon.issue', ...input });
    return parse(CouponSchema, ack.data, 'coupon');
  }

  /** Host only: starts a server-clock countdown of `durationMs` (replacing a running one). */
  async startCountdown(input: { label: string; durationMs: number }): Promise<Countdown> {
    const ack = await this.#deps.command({ t: 'countdown.start', label: input.label, durationMs: input.durationMs });
    return parse(CountdownSchema, ack.data, 'countdown');
  }

  /** Host only: cancels the running countdown. */
  async cancelCountdown(): Promise<void> {
    await this.#deps.command({ t: 'countdown.cancel' });
  }
}
