import { parse } from 'csv-parse/sync';
import * as v from 'valibot';
import { CatalogImportSchema, type CatalogImport } from '@live-shop/protocol';
import { LiveShopServerError } from '../errors.js';

/**
 * Columns of a CSV catalogue, one row per variant. Rows of one product repeat its `product_id`; their
 * product cells (name, description, image, currency) must agree, and a blank one repeats the row above.
 */
export const CATALOG_CSV_COLUMNS = [
  'product_id',
  'name',
  'description',
  'image',
  'currency',
  'variant_id',
  'label',
  'price',
  'stock',
  'limit_per_viewer',
] as const;
type Column = (typeof CATALOG_CSV_COLUMNS)[number];

/** Columns every CSV catalogue must have; the others may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly Column[] = ['product_id', 'name', 'currency', 'variant_id', 'label', 'price'];

const PRODUCT_CELLS = ['name', 'description', 'image', 'currency'] as const;

/**
 * Parses a CSV catalogue (RFC 4180: comma separated, `"` quotes, a header row; UTF-8, a BOM is allowed)
 * into a {@link CatalogImport}, validated like a JSON import. Throws `invalid` naming the line and the
 * column of the first problem.
 */
export function parseCatalogCsv(text: string): CatalogImport {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: checkHeader,
      info: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof LiveShopServerError) throw error;
    throw new LiveShopServerError('invalid', `the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0) throw new LiveShopServerError('invalid', 'the CSV has a header but no rows');

  const products: Record<string, unknown>[] = [];
  const byId = new Map<string, { product: Record<string, unknown>; variants: Record<string, unknown>[]; line: number; index: number }>();
  /** Line of each variant, by product index and variant index, to name it in errors. */
  const lines: number[][] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: Column) => record[column] ?? '';
    const productId = cell('product_id');
    let entry = byId.get(productId);
    if (!entry) {
      const product: Record<string, unknown> = {
        id: productId,
        name: cell('name'),
        description: cell('description'),
        image: cell('image'),
        currency: cell('currency'),
      };
      entry = { product, variants: [], line, index: products.length };
      product['variants'] = entry.variants;
      byId.set(productId, entry);
      products.push(product);
      lines.push([]);
    } else {
      for (const column of PRODUCT_CELLS) {
        const value = cell(column);
        if (value !== '' && value !== entry.product[column]) {
          throw new LiveShopServerError(
            'invalid',
            `line ${line}, ${column}: product "${productId}" already has a different ${column} on line ${entry.line}`,
          );
        }
      }
    }
    const variant: Record<string, unknown> = {
      id: cell('variant_id'),
      label: cell('label'),
      price: integerCell(cell('price'), line, 'price', true),
    };
    const stock = integerCell(cell('stock'), line, 'stock', false);
    if (stock !== undefined) variant['stock'] = stock;
    const limit = integerCell(cell('limit_per_viewer'), line, 'limit_per_viewer', false);
    if (limit !== undefined) variant['limitPerViewer'] = limit;
    entry.variants.push(variant);
    lines[entry.index]?.push(line);
  }

  const parsed = v.safeParse(CatalogImportSchema, { products });
  if (parsed.success) return parsed.output;
  throw new LiveShopServerError('invalid', describeIssue(parsed.issues[0], lines));
}

function checkHeader(header: string[]): string[] {
  const known = new Set<string>(CATALOG_CSV_COLUMNS);
  const seen = new Set<string>();
  const names = header.map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!known.has(name)) {
      throw new LiveShopServerError('invalid', `line 1: unknown column "${name}"; the columns are ${CATALOG_CSV_COLUMNS.join(', ')}`);
    }
    if (seen.has(name)) throw new LiveShopServerError('invalid', `line 1: column "${name}" appears twice`);
    seen.add(name);
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((name) => !seen.has(name));
  if (missing.length > 0) throw new LiveShopServerError('invalid', `line 1: missing column ${missing.join(', ')}`);
  return names;
}

/** A whole number of a cell; a blank optional cell is undefined; anything else is an `invalid` error. */
function integerCell(value: string, line: number, column: string, required: boolean): number | undefined {
  if (value === '' && !required) return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    const hint = column === 'price' ? ' in minor units (12900 for 129.00)' : '';
    throw new LiveShopServerError('invalid', `line ${line}, ${column}: "${value.slice(0, 20)}" is not a whole number${hint}`);
  }
  return Number(value);
}

const CSV_NAMES: Readonly<Record<string, string>> = { id: 'product_id', limitPerViewer: 'limit_per_viewer' };
const VARIANT_CSV_NAMES: Readonly<Record<string, string>> = { id: 'variant_id' };

/** Turns a schema issue at `products.<p>.variants.<v>.<field>` into "line N, column: message". */
function describeIssue(issue: v.BaseIssue<unknown> | undefined, lines: readonly (readonly number[])[]): string {
  if (!issue) return 'the catalogue is not valid';
  const keys = issue.path?.map((item) => item.key) ?? [];
  const p = typeof keys[1] === 'number' ? keys[1] : undefined;
  const inVariant = keys[2] === 'variants' && typeof keys[3] === 'number';
  const line = p === undefined ? undefined : lines[p]?.[inVariant ? (keys[3] as number) : 0];
  const field = String(inVariant ? (keys[4] ?? 'variants') : (keys[2] ?? 'products'));
  const column = (inVariant ? VARIANT_CSV_NAMES[field] : undefined) ?? CSV_NAMES[field] ?? field;
  return `${line === undefined ? '' : `line ${line}, `}${column}: ${issue.message}`;
}
