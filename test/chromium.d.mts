import type { Browser } from 'playwright-core';
/** Path of the system Chromium; CHROMIUM_PATH overrides it. */
export declare const CHROMIUM_PATH: string;
/** Launch flags shared by every browser this repository starts. */
export declare const CHROMIUM_ARGS: string[];
/** Starts headless Chromium with {@link CHROMIUM_ARGS}. */
export declare function launchChromium(): Promise<Browser>;
