import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { part } from '../test/helpers.js';
import { defineLiveShopViewer360 } from './define.js';
import { clampZoom, stepFrame, type LiveShopViewer360 } from './live-shop-viewer-360.js';

defineLiveShopViewer360();

const COLOURS = ['#e11d48', '#f59e0b', '#10b981', '#3b82f6', '#8b5cf6', '#111827', '#6b7280', '#14b8a6'];
/** Eight distinct frames, as a real sequence would be (each its own URL). */
const FRAMES = COLOURS.map(
  (colour, i) =>
    `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="${colour}"/><text x="10" y="40">${i}</text></svg>`)}`,
);

async function viewer(attrs: { lang?: string; dir?: string; autorotate?: boolean } = {}): Promise<LiveShopViewer360> {
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${attrs.dir ?? 'ltr'} style="width: 320px">
    <live-shop-viewer-360 lang=${attrs.lang ?? 'en'} label="Teapot" drag-step="20" ?autorotate=${attrs.autorotate ?? false} .frames=${FRAMES}></live-shop-viewer-360>
  </div>`);
  const el = wrapper.querySelector('live-shop-viewer-360')!;
  await el.updateComplete;
  return el;
}

function shown(el: LiveShopViewer360): string {
  return part<HTMLImageElement>(el, 'frame').getAttribute('src')!;
}

describe('<live-shop-viewer-360>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('steps and clamps with plain functions', () => {
    expect(stepFrame(0, -1, 8)).to.equal(7);
    expect(stepFrame(7, 3, 8)).to.equal(2);
    expect(clampZoom(10)).to.equal(3);
    expect(clampZoom(0.2)).to.equal(1);
    expect(clampZoom(Number.NaN)).to.equal(1);
  });

  it('is a labelled slider whose value is the angle, and passes axe', async () => {
    const el = await viewer();
    const stage = part(el, 'stage');
    expect(stage.getAttribute('role')).to.equal('slider');
    expect(stage.getAttribute('aria-label')).to.equal('Teapot, 360° view');
    expect(stage.getAttribute('aria-valuenow')).to.equal('0');
    expect(shown(el)).to.equal(FRAMES[0]);
    await expect(el).to.be.accessible();
  });

  it('preloads every frame, then hides the progress line', async () => {
    const el = await viewer();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="progress"]'), 'frames did not preload', { timeout: 5000 });
    // A broken frame URL still settles, so the progress line cannot hang.
    el.frames = [...FRAMES.slice(0, 2), 'data:image/png;base64,broken'];
    await el.updateComplete;
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="progress"]'), 'a broken frame kept the progress line', { timeout: 5000 });
  });

  it('turns with the arrow keys (mirrored in RTL), Home faces the front, and says the angle', async () => {
    const el = await viewer();
    part(el, 'stage').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.frame).to.equal(1);
    expect(part(el, 'stage').getAttribute('aria-valuetext')).to.equal('45 degrees');
    expect(shown(el)).to.equal(FRAMES[1]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.frame).to.equal(7);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.frame).to.equal(0);

    const rtl = await viewer({ dir: 'rtl', lang: 'zh-CN' });
    part(rtl, 'stage').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await rtl.updateComplete;
    expect(rtl.frame).to.equal(1);
    expect(part(rtl, 'stage').getAttribute('aria-label')).to.equal('Teapot 360° 旋转查看');
  });

  it('turns with a real mouse drag, the way the hand moves', async () => {
    const el = await viewer();
    const box = part(el, 'stage').getBoundingClientRect();
    const y = Math.round(box.top + box.height / 2);
    const x = Math.round(box.left + box.width / 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    // 20 px per frame (drag-step): 65 px to the left is three frames on.
    await sendMouse({ type: 'move', position: [x - 65, y] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.frame).to.equal(3);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 45, y] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.frame).to.equal(1);
  });

  it('zooms with the wheel, +/− and a pinch, within 1 to 3, and lets the page scroll at the limit', async () => {
    const el = await viewer();
    const stage = part(el, 'stage');
    const zoomIn = new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true, composed: true });
    stage.dispatchEvent(zoomIn);
    expect(zoomIn.defaultPrevented).to.equal(true);
    expect(el.zoom).to.equal(1.1);
    const zoomOut = (): WheelEvent => {
      const event = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, composed: true });
      stage.dispatchEvent(event);
      return event;
    };
    zoomOut();
    expect(el.zoom).to.equal(1);
    // Already at 1: the wheel is the page's again.
    expect(zoomOut().defaultPrevented).to.equal(false);

    stage.focus();
    for (let i = 0; i < 12; i++) await sendKeys({ press: '+' });
    await el.updateComplete;
    expect(el.zoom).to.equal(3);
    expect(getComputedStyle(part(el, 'frame')).transform).to.not.equal('none');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.zoom).to.equal(1);

    // Two fingers moving apart to twice their distance: twice the zoom.
    const pointer = (type: string, id: number, x: number) =>
      stage.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: 50, bubbles: true, composed: true }));
    pointer('pointerdown', 11, 100);
    pointer('pointerdown', 12, 140);
    pointer('pointermove', 12, 180);
    expect(el.zoom).to.equal(2);
    pointer('pointerup', 12, 180);
    pointer('pointerup', 11, 100);
    expect(el.frame).to.equal(0);
  });

  it('turns once by itself with autorotate, but not with prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await viewer({ autorotate: true });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(still.frame).to.equal(0);
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await viewer({ autorotate: true });
    await waitUntil(() => moving.frame > 0, 'autorotate did not turn', { timeout: 3000 });
    // Any input stops it.
    part(moving, 'stage').focus();
    await sendKeys({ press: 'Home' });
    const frame = moving.frame;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(moving.frame).to.equal(frame);
  });
});
