import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { cssProps } from '../css-props.js';
import type { Variant } from '@live-shop/protocol';
import type { Messages } from '../i18n/locale.js';

/** What the swatches need to know of one variant. */
export interface SwatchView {
  variant: Variant;
  /** Units left, or null when unknown. */
  units: number | null;
}

/**
 * The variant picker: a native radio group (arrow keys move and pick, in either writing direction),
 * one swatch per variant with its colour when it has one; sold-out variants are disabled and say so.
 */
export function renderSwatches(name: string, views: readonly SwatchView[], selected: string | null, t: Messages, onPick: (variantId: string) => void) {
  return html`<fieldset part="swatches">
    <legend class="visually-hidden">${t.variant}</legend>
    ${views.map(({ variant, units }) => {
      const out = units === 0;
      const checked = variant.id === selected;
      const parts = ['swatch', checked ? 'swatch-selected' : '', out ? 'swatch-sold-out' : ''].filter(Boolean).join(' ');
      return html`<label part=${parts}>
        <input
          class="visually-hidden"
          type="radio"
          name=${name}
          value=${variant.id}
          .checked=${live(checked)}
          ?disabled=${out}
          @change=${() => onPick(variant.id)}
        />
        ${variant.swatch
          ? html`<span part="swatch-colour" aria-hidden="true" ${cssProps({ '--swatch': variant.swatch })}></span>`
          : nothing}
        <span part="swatch-label">${out ? t.swatchSoldOut(variant.label) : variant.label}</span>
      </label>`;
    })}
  </fieldset>`;
}
