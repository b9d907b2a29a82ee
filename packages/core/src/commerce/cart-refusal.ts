import { LiveShopError, type LiveShopErrorCode } from '../errors.js';
import type { CartAnswer, CartLine, CartRefusalCode } from './cart-bridge.js';

// What a checkout does with the merchant's cart answers, apart from cart-bridge.ts (the bridge's types and the
// price/stock overrides a product card shows from the start): only a checkout's steps ask the cart, and they load
// on first use (checkout-flow.ts).

/** The merchant's cart refused a line: a {@link LiveShopError} with the merchant's own {@link CartRefusalCode}. */
export class CartRefusedError extends LiveShopError {
  /** The merchant's code (`out_of_stock`, `limit_reached`, …). */
  readonly refusal: CartRefusalCode;

  constructor(refusal: CartRefusalCode, message?: string) {
    super(codeOf(refusal), message ?? `the shop refused: ${refusal}`);
    this.name = 'CartRefusedError';
    this.refusal = refusal;
  }
}

function codeOf(refusal: CartRefusalCode): LiveShopErrorCode {
  if (refusal === 'out_of_stock') return 'sold_out';
  if (refusal === 'limit_reached') return 'limit_reached';
  return 'conflict';
}

/** Asks one bridge hook; throws {@link CartRefusedError} on a refusal, `internal` when the hook itself fails. */
export async function askCart(hook: ((line: CartLine) => Promise<CartAnswer> | CartAnswer) | undefined, line: CartLine): Promise<void> {
  if (!hook) return;
  let answer: CartAnswer;
  try {
    answer = await hook(line);
  } catch (error) {
    throw new LiveShopError('internal', `the shop's cart failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (answer && answer.ok === false) throw new CartRefusedError(answer.code, answer.message);
}
