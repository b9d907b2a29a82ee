import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { atom } from 'nanostores';
import { StoreController, type ReadableStore } from './store-controller.js';

/** A store counter element: renders the value of whatever store `source` holds. */
class StoreProbe extends LitElement {
  static override properties = { source: { attribute: false } };
  source: ReadableStore<number> | null = null;
  renders = 0;
  readonly value = new StoreController<number>(this, () => this.source);
  override render() {
    this.renders++;
    return html`<output>${this.value.value ?? 'none'}</output>`;
  }
}
customElements.define('store-probe', StoreProbe);

function shown(el: StoreProbe): string {
  return el.shadowRoot!.querySelector('output')!.textContent!;
}

describe('StoreController', () => {
  it('re-renders its host when the store changes', async () => {
    const $count = atom(1);
    const el = await fixture<StoreProbe>(html`<store-probe .source=${$count}></store-probe>`);
    expect(shown(el)).to.equal('1');
    $count.set(2);
    await el.updateComplete;
    expect(shown(el)).to.equal('2');
  });

  it('stops listening when the host is removed, and listens again when it comes back', async () => {
    const $count = atom(1);
    const el = await fixture<StoreProbe>(html`<store-probe .source=${$count}></store-probe>`);
    expect($count.lc).to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect($count.lc).to.equal(0);
    expect(el.value.listening).to.equal(false);

    const before = el.renders;
    $count.set(5);
    await Promise.resolve();
    expect(el.renders).to.equal(before);

    parent.append(el);
    await el.updateComplete;
    expect($count.lc).to.equal(1);
    expect(shown(el)).to.equal('5');
  });

  it('follows a store swapped in through a property, dropping the old one', async () => {
    const $a = atom(1);
    const $b = atom(10);
    const el = await fixture<StoreProbe>(html`<store-probe .source=${$a}></store-probe>`);
    el.source = $b;
    await el.updateComplete;
    expect(shown(el)).to.equal('10');
    expect($a.lc).to.equal(0);
    expect($b.lc).to.equal(1);
    $b.set(11);
    await el.updateComplete;
    expect(shown(el)).to.equal('11');

    el.source = null;
    await el.updateComplete;
    expect(shown(el)).to.equal('none');
    expect($b.lc).to.equal(0);
  });
});
