// As in @types/react: the automatic runtime's JSX namespace follows React.JSX.
import type { JSX as ReactJSX } from './index.js';
export namespace JSX {
  interface Element extends ReactJSX.Element {}
  interface IntrinsicElements extends ReactJSX.IntrinsicElements {}
}
export declare function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export declare function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
export declare const Fragment: unique symbol;
