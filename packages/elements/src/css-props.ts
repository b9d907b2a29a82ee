import { noChange, nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS custom properties (or any style properties) on an element through the CSSOM
 * (`style.setProperty`), on the first render too. Unlike lit's `styleMap`, whose first render writes a
 * `style="…"` attribute, it never trips a strict `style-src` Content-Security-Policy on the merchant's page.
 *
 * ```ts
 * html`<span ${cssProps({ '--swatch': colour })}></span>`
 * ```
 */
class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() goes on an element: <span ${cssProps({...})}>');
  }

  render(_props: Readonly<Record<string, string | null | undefined>>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string | null | undefined>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (props[name] == null) style.removeProperty(name);
    this.#previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.#previous.add(name);
    }
    return noChange;
  }
}

/** CSP-safe style properties for an element (see {@link CssPropsDirective}). */
export const cssProps = directive(CssPropsDirective);
