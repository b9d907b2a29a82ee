/**
 * Formats an amount in minor units for people, e.g. `formatMoney(129900, 'CNY', 'zh-CN')` → `¥1,299.00`.
 *
 * Minor units are integers so that totals never drift; this is the one place they become text.
 */
export function formatMoney(minorUnits: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
