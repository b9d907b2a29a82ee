import type Database from 'better-sqlite3';
import type { FlashSale, FlashSaleRequest } from '@live-shop/protocol';

/** What one buy attempt came to, as a buyer process saw it. */
export interface Outcome {
  subject: string;
  ok: boolean;
  /** 'ok' or the error code of the ack. */
  code: string;
  order: { id: string; quantity: number; total: number; saleId?: string } | null;
  sentAt: number;
  ackAt: number;
}

/** Options of test/commerce/buyers.mjs. */
export interface BuyersConfig {
  url: string;
  secret?: string;
  room?: string;
  /** Subject prefix; keep it unique per process. */
  name: string;
  sockets: number;
  socketsPerSubject?: number;
  attemptsPerSocket?: number;
  /** Each socket reports a latency in [0, maxLatencyMs] before the sale. */
  maxLatencyMs?: number;
  /** Reaction time range after the socket's own zero, ms. */
  reactionMs?: [number, number];
  timeoutMs?: number;
  seed?: number;
}

/** A running buyer process. */
export interface Buyers {
  go(sale: { saleId: string; startsAt: number; variantId: string }): void;
  result(): Promise<Outcome[]>;
  kill(): Promise<void>;
}

export declare function startBuyers(config: BuyersConfig): Promise<Buyers>;

/** A host socket that runs flash sales. */
export interface Host {
  startSale(sale: FlashSaleRequest): Promise<FlashSale>;
  stopSale(saleId: string): Promise<FlashSale>;
  close(): void;
}
export declare function openHost(url: string, room?: string): Promise<Host>;

export declare function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T;

/** Rows that break an invariant; every list empty when all hold. */
export interface Violations {
  variants: unknown[];
  sales: unknown[];
  viewers: unknown[];
  orphans: unknown[];
  /** Variants whose held/sold differ from the units of their open/paid orders. */
  buckets: unknown[];
}
export declare function invariantViolations(db: Database.Database): Violations;
export declare function isClean(violations: Violations): boolean;
export declare function addStock(dataDir: string, variantId: string, units: number): void;
export declare function percentile(values: readonly number[], p: number): number;
