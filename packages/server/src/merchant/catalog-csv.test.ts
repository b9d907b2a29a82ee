import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LiveShopServerError } from '../errors.js';
import { parseCatalogCsv } from './catalog-csv.js';

function refusal(text: string): string {
  try {
    parseCatalogCsv(text);
  } catch (error) {
    assert.ok(error instanceof LiveShopServerError, String(error));
    assert.equal(error.code, 'invalid');
    return error.message;
  }
  assert.fail('expected the CSV to be refused');
}

const HEADER = 'product_id,name,description,image,currency,variant_id,label,price,stock,limit_per_viewer';

describe('CSV catalogue parsing', () => {
  it('groups rows by product, reads quoted fields with commas, quotes and line breaks', () => {
    const catalog = parseCatalogCsv(
      [
        '\uFEFF' + HEADER,
        'scarf,"Silk scarf, ""Hangzhou""","Two lines:\nsoft and light",/static/scarf.jpg,CNY,scarf-red,红色 Red,25900,12,2',
        'scarf,,,,,scarf-blue,"Blue, deep",25900,,',
        'mug,Mug,,,"CNY",mug-1,One,4900,0,',
      ].join('\r\n'),
    );
    assert.deepEqual(catalog.products.map((p) => p.id), ['scarf', 'mug']);
    const [scarf] = catalog.products;
    assert.equal(scarf?.name, 'Silk scarf, "Hangzhou"');
    assert.equal(scarf?.description, 'Two lines:\nsoft and light');
    assert.deepEqual(scarf?.variants, [
      { id: 'scarf-red', label: '红色 Red', price: 25900, stock: 12, limitPerViewer: 2 },
      { id: 'scarf-blue', label: 'Blue, deep', price: 25900 },
    ]);
    assert.equal(catalog.products[1]?.variants[0]?.stock, 0);
  });

  it('accepts the required columns alone, in any order', () => {
    const catalog = parseCatalogCsv('price,label,variant_id,currency,name,product_id\n100,One,v1,USD,Thing,p1\n');
    assert.deepEqual(catalog.products[0], { id: 'p1', name: 'Thing', description: '', image: '', currency: 'USD', variants: [{ id: 'v1', label: 'One', price: 100 }] });
  });

  it('names the line and the column of a bad cell', () => {
    const rows = (bad: string) => `${HEADER}\nscarf,Scarf,,,CNY,scarf-red,Red,25900,1,\n${bad}\n`;
    assert.match(refusal(rows('scarf,,,,,scarf-blue,Blue,259.00,1,')), /^line 3, price: "259.00" is not a whole number in minor units/);
    assert.match(refusal(rows('scarf,,,,,scarf-blue,Blue,100,-1,')), /^line 3, stock:/);
    assert.match(refusal(rows('scarf,,,,,bad id!,Blue,100,1,')), /^line 3, variant_id: must be 1-64/);
    assert.match(refusal(rows('scarf,,,,CNYX,scarf-blue,Blue,100,1,')), /^line 3, currency: product "scarf" already has a different currency on line 2/);
    assert.match(refusal(rows('mug,Mug,,,cny,mug-1,One,100,1,')), /^line 3, currency: must be an ISO 4217 code/);
    assert.match(refusal(rows('mug,Mug,,,CNY,mug-1,,100,1,')), /^line 3, label: is required/);
    assert.match(refusal(rows('mug,Mug,,,CNY,mug-1,One,100,1,0')), /^line 3, limit_per_viewer: must be at least 1/);
  });

  it('refuses unknown, repeated and missing columns, ragged rows, broken quotes and an empty file', () => {
    assert.match(refusal(`${HEADER},colour\n`), /unknown column "colour"/);
    assert.match(refusal('product_id,name,name,currency,variant_id,label,price\n'), /column "name" appears twice/);
    assert.match(refusal('product_id,name,currency,variant_id,label\n'), /missing column price/);
    assert.match(refusal(`${HEADER}\nscarf,Scarf\n`), /cannot be read.*line 2/);
    assert.match(refusal(`${HEADER}\nscarf,"Scarf,,,CNY,v,l,1,1,\n`), /cannot be read: Quote Not Closed/);
    assert.match(refusal(`${HEADER}\n`), /no rows/);
  });
});
