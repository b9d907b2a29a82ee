// How every test, script and bench here starts a browser: Debian's Chromium (never a downloaded one)
// with the flags this machine needs, a fake camera and microphone, and autoplay with sound allowed.
import { chromium } from 'playwright-core';

/** Path of the system Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags shared by web-test-runner, the end-to-end tests, the screenshot scripts and the benches. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** Starts headless Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
