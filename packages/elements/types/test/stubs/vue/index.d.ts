// The slice of vue's types that @live-shop/elements/vue builds on: `DefineComponent<Props>` and the
// `GlobalComponents` interface that vue-tsc reads for templates. Not installed here; a stand-in with the
// same names so the type test can check the declarations. `propsOf` mirrors how vue-tsc reads a component's props.
export interface DefineComponent<Props = {}> {
  new (): { $props: Props };
}
export interface GlobalComponents {}
export declare function propsOf<K extends keyof GlobalComponents>(tag: K): GlobalComponents[K] extends DefineComponent<infer P> ? P : never;
