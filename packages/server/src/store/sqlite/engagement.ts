import type Database from 'better-sqlite3';
import type { Countdown, Coupon, CouponDiscount, EngagementMine, Lottery, Poll, RedEnvelopeRain } from '@live-shop/protocol';
import type {
  CouponRecord,
  DrawFunction,
  EngagementSnapshot,
  EngagementStore,
  EnterResult,
  GrabResult,
  LotteryRecord,
  NewCoupon,
  NewLottery,
  NewPoll,
  NewRain,
  RedeemResult,
  VoteResult,
} from '../engagement.js';

/** How long a closed poll stays in the snapshot (so a late joiner still sees the result). */
export const CLOSED_POLL_VISIBLE_MS = 60_000;
/** How long a drawn lottery stays in the snapshot (so a late joiner still sees the winners). */
export const DRAWN_LOTTERY_VISIBLE_MS = 10 * 60_000;

interface PollRow {
  id: string;
  room_id: string;
  question: string;
  options: string;
  status: 'open' | 'closed';
  opened_at: number;
  ends_at: number | null;
  closed_at: number | null;
}
interface LotteryRow {
  id: string;
  room_id: string;
  prize: string;
  winners_count: number;
  keyword: string | null;
  seed: string;
  salt: string;
  commitment: string;
  status: 'open' | 'drawn';
  started_at: number;
  ends_at: number;
  drawn_at: number | null;
  winners: string | null;
}
interface RainRow {
  id: string;
  room_id: string;
  amount: number;
  currency: string;
  quota: number;
  remaining: number;
  status: 'open' | 'ended';
  started_at: number;
  ends_at: number;
  coupon_expires_at: number;
  min_spend: number;
}
interface CouponRow {
  id: string;
  room_id: string;
  owner: string | null;
  discount: string;
  min_spend: number;
  expires_at: number;
  source: Coupon['source'];
  label: string;
  issued_at: number;
}
interface CountdownRow {
  id: string;
  label: string;
  started_at: number;
  ends_at: number;
}

/** The SQL of migration 8 (see migrations.ts): engagement tables. */
export const ENGAGEMENT_MIGRATION_SQL = `
  CREATE TABLE polls (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    question TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at INTEGER NOT NULL,
    ends_at INTEGER,
    closed_at INTEGER
  );
  CREATE INDEX polls_room ON polls (room_id, opened_at);
  CREATE TABLE poll_votes (
    poll_id TEXT NOT NULL REFERENCES polls (id),
    subject TEXT NOT NULL,
    option INTEGER NOT NULL CHECK (option >= 0),
    at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, subject)
  );
  CREATE TABLE lotteries (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    prize TEXT NOT NULL,
    winners_count INTEGER NOT NULL CHECK (winners_count > 0),
    keyword TEXT,
    seed TEXT NOT NULL,
    salt TEXT NOT NULL,
    commitment TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'drawn')),
    started_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    drawn_at INTEGER,
    winners TEXT
  );
  CREATE INDEX lotteries_room ON lotteries (room_id, started_at);
  CREATE TABLE lottery_entrants (
    lottery_id TEXT NOT NULL REFERENCES lotteries (id),
    subject TEXT NOT NULL,
    entrant_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (lottery_id, subject),
    UNIQUE (lottery_id, entrant_id)
  );
  CREATE TABLE red_envelope_rains (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    quota INTEGER NOT NULL CHECK (quota > 0),
    remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= quota),
    status TEXT NOT NULL CHECK (status IN ('open', 'ended')),
    started_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    coupon_expires_at INTEGER NOT NULL,
    min_spend INTEGER NOT NULL CHECK (min_spend >= 0)
  );
  CREATE INDEX red_envelope_rains_room ON red_envelope_rains (room_id, started_at);
  CREATE TABLE coupons (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    owner TEXT,
    discount TEXT NOT NULL,
    min_spend INTEGER NOT NULL CHECK (min_spend >= 0),
    expires_at INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('host', 'red-envelope', 'lottery')),
    label TEXT NOT NULL,
    issued_at INTEGER NOT NULL
  );
  CREATE INDEX coupons_room_owner ON coupons (room_id, owner, expires_at);
  CREATE TABLE red_envelope_grabs (
    rain_id TEXT NOT NULL REFERENCES red_envelope_rains (id),
    subject TEXT NOT NULL,
    coupon_id TEXT NOT NULL REFERENCES coupons (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (rain_id, subject)
  );
  CREATE TABLE coupon_redemptions (
    coupon_id TEXT NOT NULL REFERENCES coupons (id),
    subject TEXT NOT NULL,
    order_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (coupon_id, subject)
  );
  CREATE TABLE countdowns (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES rooms (id),
    label TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    cancelled_at INTEGER
  );
  CREATE INDEX countdowns_room ON countdowns (room_id, started_at);
`;

/**
 * {@link EngagementStore} on better-sqlite3. Each method is one synchronous transaction, so on one Node thread
 * nothing interleaves with it; the quota and one-per-viewer rules are also written as guarded UPDATEs and
 * primary keys, so they hold for other processes on the same file too.
 */
export class SqliteEngagementStore implements EngagementStore {
  readonly #db: Database.Database;
  readonly #q;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#q = {
      insertPoll: db.prepare(
        `INSERT INTO polls (id, room_id, question, options, status, opened_at, ends_at) VALUES (@id, @roomId, @question, @options, 'open', @openedAt, @endsAt)`,
      ),
      poll: db.prepare<[string], PollRow>('SELECT * FROM polls WHERE id = ?'),
      latestPoll: db.prepare<[string], PollRow>('SELECT * FROM polls WHERE room_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1'),
      counts: db.prepare<[string], { option: number; n: number }>('SELECT option, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option'),
      insertVote: db.prepare('INSERT OR IGNORE INTO poll_votes (poll_id, subject, option, at) VALUES (?, ?, ?, ?)'),
      vote: db.prepare<[string, string], { option: number }>('SELECT option FROM poll_votes WHERE poll_id = ? AND subject = ?'),
      closePoll: db.prepare<[number, string]>(`UPDATE polls SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'`),
      insertLottery: db.prepare(
        `INSERT INTO lotteries (id, room_id, prize, winners_count, keyword, seed, salt, commitment, status, started_at, ends_at)
         VALUES (@id, @roomId, @prize, @winnersCount, @keyword, @seed, @salt, @commitment, 'open', @startedAt, @endsAt)`,
      ),
      lottery: db.prepare<[string], LotteryRow>('SELECT * FROM lotteries WHERE id = ?'),
      latestLottery: db.prepare<[string], LotteryRow>('SELECT * FROM lotteries WHERE room_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1'),
      entries: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM lottery_entrants WHERE lottery_id = ?'),
      entrant: db.prepare<[string, string], { entrant_id: string }>('SELECT entrant_id FROM lottery_entrants WHERE lottery_id = ? AND subject = ?'),
      entrantSubject: db.prepare<[string, string], { subject: string }>('SELECT subject FROM lottery_entrants WHERE lottery_id = ? AND entrant_id = ?'),
      entrants: db.prepare<[string], { entrant_id: string }>('SELECT entrant_id FROM lottery_entrants WHERE lottery_id = ?'),
      insertEntrant: db.prepare('INSERT INTO lottery_entrants (lottery_id, subject, entrant_id, at) VALUES (?, ?, ?, ?)'),
      drawLottery: db.prepare<[number, string, string]>(`UPDATE lotteries SET status = 'drawn', drawn_at = ?, winners = ? WHERE id = ? AND status = 'open'`),
      insertRain: db.prepare(
        `INSERT INTO red_envelope_rains (id, room_id, amount, currency, quota, remaining, status, started_at, ends_at, coupon_expires_at, min_spend)
         VALUES (@id, @roomId, @amount, @currency, @quota, @quota, 'open', @startedAt, @endsAt, @couponExpiresAt, @minSpend)`,
      ),
      rain: db.prepare<[string], RainRow>('SELECT * FROM red_envelope_rains WHERE id = ?'),
      latestRain: db.prepare<[string], RainRow>('SELECT * FROM red_envelope_rains WHERE room_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1'),
      grab: db.prepare<[string, string], { coupon_id: string }>('SELECT coupon_id FROM red_envelope_grabs WHERE rain_id = ? AND subject = ?'),
      // The guard is the quota: it cannot take `remaining` below zero, whatever the number of grabbers.
      takeEnvelope: db.prepare<[string, number]>(
        `UPDATE red_envelope_rains SET remaining = remaining - 1 WHERE id = ? AND status = 'open' AND remaining > 0 AND ends_at > ?`,
      ),
      insertGrab: db.prepare('INSERT INTO red_envelope_grabs (rain_id, subject, coupon_id, at) VALUES (?, ?, ?, ?)'),
      endRain: db.prepare<[string]>(`UPDATE red_envelope_rains SET status = 'ended' WHERE id = ? AND status = 'open'`),
      insertCoupon: db.prepare(
        `INSERT INTO coupons (id, room_id, owner, discount, min_spend, expires_at, source, label, issued_at)
         VALUES (@id, @roomId, @owner, @discount, @minSpend, @expiresAt, @source, @label, @issuedAt)`,
      ),
      coupon: db.prepare<[string, string], CouponRow>('SELECT * FROM coupons WHERE room_id = ? AND id = ?'),
      roomCoupons: db.prepare<[string, number], CouponRow>(
        'SELECT * FROM coupons WHERE room_id = ? AND owner IS NULL AND expires_at > ? ORDER BY issued_at, id',
      ),
      usableCoupons: db.prepare<[string, string, number, string], CouponRow>(
        `SELECT c.* FROM coupons c
         WHERE c.room_id = ? AND (c.owner IS NULL OR c.owner = ?) AND c.expires_at > ?
           AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.coupon_id = c.id AND r.subject = ?)
         ORDER BY c.issued_at, c.id`,
      ),
      redemption: db.prepare<[string, string], { order_id: string }>('SELECT order_id FROM coupon_redemptions WHERE coupon_id = ? AND subject = ?'),
      insertRedemption: db.prepare('INSERT INTO coupon_redemptions (coupon_id, subject, order_id, at) VALUES (?, ?, ?, ?)'),
      insertCountdown: db.prepare('INSERT INTO countdowns (id, room_id, label, started_at, ends_at) VALUES (?, ?, ?, ?, ?)'),
      runningCountdown: db.prepare<[string, number], CountdownRow>(
        'SELECT * FROM countdowns WHERE room_id = ? AND cancelled_at IS NULL AND ends_at > ? ORDER BY started_at DESC, rowid DESC LIMIT 1',
      ),
      cancelCountdowns: db.prepare<[number, string]>('UPDATE countdowns SET cancelled_at = ? WHERE room_id = ? AND cancelled_at IS NULL'),
    };
  }

  async openPoll(poll: NewPoll): Promise<Poll> {
    const q = this.#q;
    return this.#db
      .transaction((): Poll => {
        q.insertPoll.run({ ...poll, options: JSON.stringify(poll.options) });
        return this.#poll(this.#row(q.poll.get(poll.id), 'poll'));
      })
      .immediate();
  }

  async latestPoll(roomId: string): Promise<Poll | null> {
    const row = this.#q.latestPoll.get(roomId);
    return row ? this.#poll(row) : null;
  }

  async getPoll(pollId: string): Promise<Poll | null> {
    const row = this.#q.poll.get(pollId);
    return row ? this.#poll(row) : null;
  }

  async castVote(pollId: string, subject: string, option: number, at: number): Promise<VoteResult> {
    const q = this.#q;
    return this.#db
      .transaction((): VoteResult => {
        const row = q.poll.get(pollId);
        if (!row) return { kind: 'not_found' };
        if (row.status !== 'open' || (row.ends_at !== null && row.ends_at <= at)) return { kind: 'ended' };
        if (option >= (JSON.parse(row.options) as string[]).length) return { kind: 'invalid' };
        // The primary key (poll, subject) is the one-vote rule.
        return q.insertVote.run(pollId, subject, option, at).changes === 1 ? { kind: 'voted' } : { kind: 'already_done' };
      })
      .immediate();
  }

  async closePoll(pollId: string, at: number): Promise<Poll | null> {
    const q = this.#q;
    return this.#db
      .transaction((): Poll | null => (q.closePoll.run(at, pollId).changes === 1 ? this.#poll(this.#row(q.poll.get(pollId), 'poll')) : null))
      .immediate();
  }

  async startLottery(lottery: NewLottery): Promise<Lottery> {
    const q = this.#q;
    return this.#db
      .transaction((): Lottery => {
        q.insertLottery.run({ ...lottery });
        return this.#lottery(this.#row(q.lottery.get(lottery.id), 'lottery'));
      })
      .immediate();
  }

  async latestLottery(roomId: string): Promise<LotteryRecord | null> {
    const row = this.#q.latestLottery.get(roomId);
    return row ? { lottery: this.#lottery(row), roomId: row.room_id, seed: row.seed, salt: row.salt } : null;
  }

  async enterLottery(lotteryId: string, subject: string, entrantId: string, at: number, max: number): Promise<EnterResult> {
    const q = this.#q;
    return this.#db
      .transaction((): EnterResult => {
        const row = q.lottery.get(lotteryId);
        if (!row) return { kind: 'not_found' };
        const previous = q.entrant.get(lotteryId, subject);
        if (previous) return { kind: 'already', entrantId: previous.entrant_id };
        if (row.status !== 'open' || row.ends_at <= at) return { kind: 'ended' };
        const entries = q.entries.get(lotteryId)?.n ?? 0;
        if (entries >= max) return { kind: 'full' };
        q.insertEntrant.run(lotteryId, subject, entrantId, at);
        return { kind: 'entered', entrantId, entries: entries + 1 };
      })
      .immediate();
  }

  async drawLottery(lotteryId: string, at: number, draw: DrawFunction): Promise<Lottery | null> {
    const q = this.#q;
    return this.#db
      .transaction((): Lottery | null => {
        const row = q.lottery.get(lotteryId);
        if (!row || row.status !== 'open') return null;
        const entrants = sortedEntrants(q.entrants.all(lotteryId).map((e) => e.entrant_id));
        const winners = draw(row.seed, entrants, row.winners_count);
        q.drawLottery.run(at, JSON.stringify(winners), lotteryId);
        return this.#lottery(this.#row(q.lottery.get(lotteryId), 'lottery'));
      })
      .immediate();
  }

  async subjectOfEntrant(lotteryId: string, entrantId: string): Promise<string | null> {
    return this.#q.entrantSubject.get(lotteryId, entrantId)?.subject ?? null;
  }

  async startRain(rain: NewRain): Promise<RedEnvelopeRain> {
    const q = this.#q;
    return this.#db
      .transaction((): RedEnvelopeRain => {
        q.insertRain.run({ ...rain });
        return toRain(this.#row(q.rain.get(rain.id), 'rain'));
      })
      .immediate();
  }

  async latestRain(roomId: string): Promise<RedEnvelopeRain | null> {
    const row = this.#q.latestRain.get(roomId);
    return row ? toRain(row) : null;
  }

  async grabEnvelope(rainId: string, subject: string, couponId: string, at: number): Promise<GrabResult> {
    const q = this.#q;
    return this.#db
      .transaction((): GrabResult => {
        const rain = q.rain.get(rainId);
        if (!rain) return { kind: 'not_found' };
        if (q.grab.get(rainId, subject)) return { kind: 'already_done' };
        // A rain that ended because its last envelope went says so, not merely that it is over.
        if (rain.remaining === 0) return { kind: 'exhausted' };
        if (rain.status !== 'open' || rain.ends_at <= at) return { kind: 'ended' };
        if (q.takeEnvelope.run(rainId, at).changes !== 1) return { kind: 'exhausted' };
        const coupon: NewCoupon = {
          id: couponId,
          roomId: rain.room_id,
          owner: subject,
          discount: { kind: 'amount', amount: rain.amount, currency: rain.currency },
          minSpend: rain.min_spend,
          expiresAt: rain.coupon_expires_at,
          source: 'red-envelope',
          label: '',
          issuedAt: at,
        };
        q.insertCoupon.run({ ...coupon, discount: JSON.stringify(coupon.discount) });
        q.insertGrab.run(rainId, subject, couponId, at);
        return { kind: 'granted', coupon: toCoupon(this.#row(q.coupon.get(rain.room_id, couponId), 'coupon')), remaining: rain.remaining - 1 };
      })
      .immediate();
  }

  async endRain(rainId: string, _at: number): Promise<RedEnvelopeRain | null> {
    const q = this.#q;
    return this.#db
      .transaction((): RedEnvelopeRain | null => (q.endRain.run(rainId).changes === 1 ? toRain(this.#row(q.rain.get(rainId), 'rain')) : null))
      .immediate();
  }

  async issueCoupon(coupon: NewCoupon): Promise<Coupon> {
    const q = this.#q;
    return this.#db
      .transaction((): Coupon => {
        q.insertCoupon.run({ ...coupon, discount: JSON.stringify(coupon.discount) });
        return toCoupon(this.#row(q.coupon.get(coupon.roomId, coupon.id), 'coupon'));
      })
      .immediate();
  }

  async getCoupon(roomId: string, couponId: string, subject: string): Promise<CouponRecord | null> {
    const row = this.#q.coupon.get(roomId, couponId);
    if (!row) return null;
    return { coupon: toCoupon(row), roomId: row.room_id, owner: row.owner, redeemedBy: this.#q.redemption.get(couponId, subject)?.order_id ?? null };
  }

  async redeemCoupon(couponId: string, subject: string, orderId: string, at: number): Promise<RedeemResult> {
    const q = this.#q;
    return this.#db
      .transaction((): RedeemResult => {
        const previous = q.redemption.get(couponId, subject);
        if (previous) return previous.order_id === orderId ? { kind: 'replayed' } : { kind: 'used' };
        q.insertRedemption.run(couponId, subject, orderId, at);
        return { kind: 'redeemed' };
      })
      .immediate();
  }

  async startCountdown(roomId: string, countdown: Countdown): Promise<Countdown> {
    const q = this.#q;
    this.#db
      .transaction(() => {
        q.cancelCountdowns.run(countdown.startedAt, roomId);
        q.insertCountdown.run(countdown.id, roomId, countdown.label, countdown.startedAt, countdown.endsAt);
      })
      .immediate();
    return countdown;
  }

  async cancelCountdown(roomId: string, now: number): Promise<Countdown | null> {
    const q = this.#q;
    return this.#db
      .transaction((): Countdown | null => {
        const running = q.runningCountdown.get(roomId, now);
        q.cancelCountdowns.run(now, roomId);
        return running ? toCountdown(running) : null;
      })
      .immediate();
  }

  async loadEngagement(roomId: string, now: number): Promise<EngagementSnapshot> {
    const q = this.#q;
    return this.#db.transaction((): EngagementSnapshot => {
      const pollRow = q.latestPoll.get(roomId);
      const poll = pollRow && (pollRow.status === 'open' || (pollRow.closed_at ?? 0) > now - CLOSED_POLL_VISIBLE_MS) ? this.#poll(pollRow) : null;
      const lotteryRow = q.latestLottery.get(roomId);
      const lottery =
        lotteryRow && (lotteryRow.status === 'open' || (lotteryRow.drawn_at ?? 0) > now - DRAWN_LOTTERY_VISIBLE_MS) ? this.#lottery(lotteryRow) : null;
      const rainRow = q.latestRain.get(roomId);
      const countdownRow = q.runningCountdown.get(roomId, now);
      return {
        poll,
        lottery,
        redEnvelope: rainRow && rainRow.status === 'open' ? toRain(rainRow) : null,
        countdown: countdownRow ? toCountdown(countdownRow) : null,
        coupons: q.roomCoupons.all(roomId, now).map(toCoupon),
      };
    })();
  }

  async loadMine(roomId: string, subject: string, now: number): Promise<EngagementMine> {
    const q = this.#q;
    return this.#db.transaction((): EngagementMine => {
      const poll = q.latestPoll.get(roomId);
      const vote = poll ? q.vote.get(poll.id, subject) : undefined;
      const lottery = q.latestLottery.get(roomId);
      const entrant = lottery ? q.entrant.get(lottery.id, subject) : undefined;
      const rain = q.latestRain.get(roomId);
      const grab = rain ? q.grab.get(rain.id, subject) : undefined;
      const grabbedCoupon = rain && grab ? q.coupon.get(roomId, grab.coupon_id) : undefined;
      return {
        vote: poll && vote ? { pollId: poll.id, option: vote.option } : null,
        entrant: lottery && entrant ? { lotteryId: lottery.id, entrantId: entrant.entrant_id } : null,
        grabbed: rain && grabbedCoupon ? { rainId: rain.id, coupon: toCoupon(grabbedCoupon) } : null,
        coupons: q.usableCoupons.all(roomId, subject, now, subject).map(toCoupon),
      };
    })();
  }

  #poll(row: PollRow): Poll {
    const options = JSON.parse(row.options) as string[];
    const counts = options.map(() => 0);
    let total = 0;
    for (const { option, n } of this.#q.counts.all(row.id)) {
      if (option < counts.length) counts[option] = n;
      total += n;
    }
    return { id: row.id, question: row.question, options, counts, total, status: row.status, openedAt: row.opened_at, endsAt: row.ends_at };
  }

  #lottery(row: LotteryRow): Lottery {
    const lottery: Lottery = {
      id: row.id,
      prize: row.prize,
      winnersCount: row.winners_count,
      keyword: row.keyword,
      commitment: row.commitment,
      status: row.status,
      entries: this.#q.entries.get(row.id)?.n ?? 0,
      startedAt: row.started_at,
      endsAt: row.ends_at,
    };
    // The seed and the entrants are published only once drawn: before that the seed would let anyone
    // (the host included) predict the winners.
    if (row.status === 'drawn') {
      lottery.seed = row.seed;
      lottery.entrants = sortedEntrants(this.#q.entrants.all(row.id).map((e) => e.entrant_id));
      lottery.winners = JSON.parse(row.winners ?? '[]') as string[];
    }
    return lottery;
  }

  #row<T>(row: T | undefined, what: string): T {
    if (!row) throw new Error(`${what} vanished inside its own transaction`);
    return row;
  }
}

/** Entrant ids in the published order: by UTF-16 code unit, as `Array.prototype.sort()` with no comparator does. */
function sortedEntrants(ids: string[]): string[] {
  return ids.sort();
}

function toRain(row: RainRow): RedEnvelopeRain {
  return {
    id: row.id,
    amount: row.amount,
    currency: row.currency,
    quota: row.quota,
    remaining: row.remaining,
    status: row.status,
    startedAt: row.started_at,
    endsAt: row.ends_at,
  };
}

function toCoupon(row: CouponRow): Coupon {
  return {
    id: row.id,
    scope: row.owner === null ? 'room' : 'viewer',
    discount: JSON.parse(row.discount) as CouponDiscount,
    minSpend: row.min_spend,
    expiresAt: row.expires_at,
    source: row.source,
    label: row.label,
    issuedAt: row.issued_at,
  };
}

function toCountdown(row: CountdownRow): Countdown {
  return { id: row.id, label: row.label, startedAt: row.started_at, endsAt: row.ends_at };
}
