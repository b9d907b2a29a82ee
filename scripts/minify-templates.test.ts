import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { launchChromium } from '../test/chromium.mjs';
// @ts-expect-error -- a plain JavaScript build script without declarations
import { minifyCss, minifyHtml, minifyTemplatesIn } from './minify-templates.mjs';

/** The text of every `css` template without interpolations in the elements' sources, with its file. */
function cssTemplates(dir = 'packages/elements/src'): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssTemplates(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    const code = readFileSync(path, 'utf8');
    const found: [string, string][] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css' && ts.isNoSubstitutionTemplateLiteral(node.template)) {
        found.push([path, node.template.rawText ?? '']);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
    return found;
  });
}

describe('minifyCss', () => {
  it('drops comments and the white space the grammar does not need', () => {
    assert.equal(
      minifyCss(`
        :host {
          display: block; /* why */
          color: var(--x, #fff) ;
        }
        /* between rules */
        a  ,  b > c { margin: 0 }
      `),
      ':host{display:block;color:var(--x,#fff)}a,b > c{margin:0}',
    );
  });

  it('keeps the spaces that carry meaning', () => {
    // calc() needs the spaces around its operators; a space before a colon is a descendant combinator.
    assert.equal(minifyCss('a { width: calc(100% - 2px + 1em); }'), 'a{width:calc(100% - 2px + 1em)}');
    assert.equal(minifyCss("[part='a'] :focus-visible { outline: 2px solid; }"), "[part='a'] :focus-visible{outline:2px solid}");
    assert.equal(minifyCss('@media (min-width: 600px) { a { b: c } }'), '@media (min-width:600px){a{b:c}}');
    assert.equal(minifyCss('a/* x */b {}'), 'a b{}');
  });

  it('leaves quoted strings as written', () => {
    assert.equal(minifyCss(`a::after { content: '  ;  { } /* no */ '; }`), `a::after{content:'  ;  { } /* no */ '}`);
  });

  it("leaves every stylesheet of the elements meaning what it meant, as Chromium's CSS parser reads it", async () => {
    const templates = cssTemplates();
    assert.ok(templates.length >= 15, `found only ${templates.length} css templates`);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const pairs = templates.map(([file, text]) => [file, text, minifyCss(text) as string]);
      // Plain JavaScript text for the page: tsx would wrap a function's inner helpers in its own `__name`.
      // The rules as the browser serializes them; white space after a comma (kept inside var() fallbacks as
      // written) is not meaning. An empty result would mean the parser dropped everything: a failure too.
      const differing = (await page.evaluate(`(() => {
        const rules = (text) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(text);
          return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\\s*,\\s*/g, ',')).join('\\n');
        };
        const all = ${JSON.stringify(pairs)};
        return all.filter(([, original, minified]) => rules(original) !== rules(minified) || rules(original) === '').map(([file]) => file);
      })()`)) as string[];
      assert.deepEqual(differing, []);
    } finally {
      await browser.close();
    }
  });

  it('refuses CSS it cannot read rather than guess', () => {
    assert.throws(() => minifyCss("a { content: 'open"), /unterminated string/);
    assert.throws(() => minifyCss('a { /* open'), /unterminated comment/);
  });
});

describe('minifyHtml', () => {
  it('removes indentation and keeps every line break', () => {
    assert.equal(minifyHtml('\n  <p part="x">\n    text  \n  </p>\n'), '\n<p part="x">\ntext\n</p>\n');
  });

  it('leaves a line continuation alone', () => {
    assert.equal(minifyHtml('a\\\n    b'), 'a\\\n    b');
  });
});

describe('minifyTemplatesIn', () => {
  it('minifies css, html and svg templates and nothing else, keeping every line number', () => {
    const code = [
      "const styles = css`",
      '  :host {',
      '    display: block;',
      '  }',
      '`;',
      'const view = (name: string) => html`',
      '  <p title="${name}">',
      '    ${name ? html`',
      '      <b>${name}</b>',
      '    ` : "  keep  \\n  me  "}',
      '  </p>',
      '`;',
      'const other = `',
      '  untouched',
      '`;',
    ].join('\n');
    const out = minifyTemplatesIn(code);
    assert.equal(out.split('\n').length, code.split('\n').length);
    assert.ok(out.startsWith("const styles = css`:host{display:block}`\n\n\n\n;\n"), out);
    assert.ok(out.includes('html`\n<p title="${name}">\n${name ? html`\n<b>${name}</b>\n` : "  keep  \\n  me  "}\n</p>\n`'), out);
    assert.ok(out.endsWith('const other = `\n  untouched\n`;'), out);
  });

  it('leaves a css template with an interpolation as written', () => {
    const code = 'const s = css`\n  a { margin: ${x} auto; }\n`;';
    assert.equal(minifyTemplatesIn(code), null);
  });
});
