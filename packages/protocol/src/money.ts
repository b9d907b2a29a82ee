/** Currency formatters by locale and currency: making an `Intl.NumberFormat` costs far more than using one. */
const currencyFormats = new Map<string, Intl.NumberFormat>();
/** Plain number formatters by locale. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = currencyFormats.get(key);
  if (!format) currencyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}

/**
 * Formats an amount in minor units for people, e.g. `formatMoney(129900, 'CNY', 'zh-CN')` → `¥1,299.00`.
 *
 * Minor units are integers so that totals never drift; this is the one place they become text.
 */
export function formatMoney(minorUnits: number, currency: string, locale?: string): string {
  const format = currencyFormat(currency, locale);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** The plain number formatter of `locale` (`12,345`), made once per locale and kept for every later call. */
export function countFormat(locale?: string): Intl.NumberFormat {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale)));
  return format;
}
