// Minifies the text of lit's `css`, `html` and `svg` templates in our own sources for the script-tag bundle:
// esbuild minifies the JavaScript around a template but keeps its text as written, and the styles' comments
// and the templates' indentation were a fifth of the entry. Templates are found with the TypeScript parser
// (no guessing where a template starts), and only their literal text changes, never an interpolation.
import ts from 'typescript';

/**
 * CSS text with comments dropped and whitespace cut to what the grammar needs: removed around `{ } ; ,` and
 * after `:`, and the last `;` of a rule. Conservative on purpose: never around `+ - > ~` (calc() needs those
 * spaces), never before `:` (`a :hover` is not `a:hover`), never inside quoted strings.
 */
export function minifyCss(css) {
  let out = '';
  /** Whether a space before the next word is needed: not after the start or a character that ends a token. */
  const spaceNeeded = () => out !== '' && !' {};,:'.includes(out.at(-1));
  for (let i = 0; i < css.length; i++) {
    const char = css[i];
    if (char === '"' || char === "'") {
      const end = css.indexOf(char, i + 1);
      if (end < 0) throw new Error(`unterminated string in a css template: ${css.slice(i, i + 40)}`);
      out += css.slice(i, end + 1);
      i = end;
    } else if (char === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`unterminated comment in a css template: ${css.slice(i, i + 40)}`);
      i = end + 1;
      // A comment between two words separates them as a space does.
      if (spaceNeeded()) out += ' ';
    } else if (/\s/.test(char)) {
      if (spaceNeeded()) out += ' ';
    } else {
      if ('{};,'.includes(char) && out.endsWith(' ')) out = out.slice(0, -1);
      // The last declaration of a rule needs no semicolon.
      if (char === '}' && out.endsWith(';')) out = out.slice(0, -1);
      out += char;
      if ('{};,:'.includes(char)) while (/\s/.test(css[i + 1] ?? '')) i++;
    }
  }
  return out.trimEnd();
}

/**
 * The text of an `html`/`svg` template with the indentation of its lines removed: a line break stays a line
 * break, so a text node renders the same wherever white space collapses (none of our styles preserves it) and
 * an attribute's value keeps its words apart. Spaces and tabs before a line break go too. A line ending in a
 * backslash (a continuation, which keeps the next line's indentation in the string) is left alone.
 */
export function minifyHtml(text) {
  return text.replace(/(?<!\\)[ \t]*\n[ \t]*/g, '\n');
}

/** The templates of `code` (a TypeScript module) with their text minified, or null when none changed. */
export function minifyTemplatesIn(code, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** Replacements of literal text, [start, end, text] (sorted by start before they are applied). */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      // CSS is only minified whole: trimming around an interpolation could glue a value to the next word.
      if (node.tag.text !== 'css' || literals.length === 1) {
        for (const literal of literals) {
          // The literal's text between its delimiters: "`" or "}" before, "`" or "${" after.
          const start = literal.getStart(source) + 1;
          const end = literal.end - (literal.kind === ts.SyntaxKind.TemplateHead || literal.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          const text = code.slice(start, end);
          if (node.tag.text === 'css') {
            // Its line breaks go right after the closing backtick, as JavaScript white space: later lines keep
            // their numbers, so the source map (which this does not rewrite) still points at the right line.
            const breaks = '\n'.repeat(text.split('\n').length - 1);
            edits.push([start, literal.end, `${minifyCss(text)}\`${breaks}`]);
          } else {
            const minified = minifyHtml(text);
            if (minified !== text) edits.push([start, end, minified]);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return null;
  // An outer template's literals are visited before the templates nested in its interpolations.
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

/**
 * The rollup plugin: minifies the templates of our packages' TypeScript sources (not node_modules: lit's own
 * templates are already minified). Every line keeps its number (see above); only columns after a template's
 * removed indentation are off in the source map, which this does not rewrite.
 */
export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/[\\/]packages[\\/][\w-]+[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const out = minifyTemplatesIn(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
