// The slice of @types/react (19) that @live-shop/elements/react builds on, with the same names and shape:
// `React.JSX.IntrinsicElements`, `HTMLAttributes`, `DetailedHTMLProps`. Not installed here, so the type
// test runs against this stand-in; keep it in step with @types/react when that changes.
export interface DOMAttributes<T> {
  children?: unknown;
  onClick?: (event: MouseEvent & { currentTarget: T }) => void;
}
export interface HTMLAttributes<T> extends DOMAttributes<T> {
  className?: string;
  id?: string;
  slot?: string;
  style?: Record<string, string | number>;
  hidden?: boolean;
  lang?: string;
  dir?: string;
  title?: string;
  tabIndex?: number;
}
export interface RefObject<T> {
  current: T | null;
}
export interface ClassAttributes<T> {
  key?: string | number | null;
  ref?: RefObject<T> | ((instance: T | null) => void) | null;
}
export type DetailedHTMLProps<E extends HTMLAttributes<T>, T> = ClassAttributes<T> & E;
export namespace JSX {
  interface Element {}
  interface IntrinsicElements {
    div: DetailedHTMLProps<HTMLAttributes<HTMLDivElement>, HTMLDivElement>;
  }
}
