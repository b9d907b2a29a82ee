// Custom elements manifest of @live-shop/elements (`npm run analyze`, part of `npm run build`): tags,
// attributes, properties, events, CSS parts and custom properties, read from the classes' JSDoc and
// the `customElements.define` calls. Editors (VS Code, JetBrains), Storybook and framework type
// generators read it from packages/elements/custom-elements.json (the package's "customElements").
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.test.ts', 'packages/elements/src/test/**'],
  outdir: 'packages/elements',
  litelement: true,
  // The root package.json is the workspace, not the package: packages/elements/package.json names the file itself.
  packagejson: false,
  plugins: [packageRelativePaths('packages/elements/')],
};

/** Module paths relative to the package (`src/shelf/live-shop-shelf.ts`), as a consumer of the package sees them. */
function packageRelativePaths(prefix) {
  const strip = (value) => value.replace(/^\/?/, '').startsWith(prefix) ? value.replace(/^\/?/, '').slice(prefix.length) : value;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = strip(value);
      else walk(value);
    }
  };
  return { name: 'live-shop-package-relative-paths', packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest) };
}
