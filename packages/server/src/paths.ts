import { fileURLToPath } from 'node:url';

// This file sits one level below the package folder both as src/paths.ts (tsx) and inside a flat
// dist/*.js bundle, so `..` is the package and `../../..` the repository in both cases.
const packageUrl = new URL('../', import.meta.url);
const repoUrl = new URL('../../../', import.meta.url);

/** Absolute paths of the folders the server reads files from. */
export interface ServerPaths {
  /** packages/server */
  packageDir: string;
  /** packages/server/static (product images) */
  staticDir: string;
  /** packages/server/media (looped demo segments) */
  mediaDir: string;
  /** examples/ in the repository */
  examplesDir: string;
  /** packages/elements/dist/cdn (the script-tag bundle, built by `npm run build`) */
  cdnDir: string;
}

/** Default locations, relative to where this module lives. */
export function defaultPaths(): ServerPaths {
  const dir = (url: URL) => fileURLToPath(url).replace(/[\\/]$/, '');
  return {
    packageDir: dir(packageUrl),
    staticDir: dir(new URL('static/', packageUrl)),
    mediaDir: dir(new URL('media/', packageUrl)),
    examplesDir: dir(new URL('examples/', repoUrl)),
    cdnDir: dir(new URL('packages/elements/dist/cdn/', repoUrl)),
  };
}
