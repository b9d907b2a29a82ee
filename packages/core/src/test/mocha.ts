// The mocha globals wtr provides, typed here (there is no @types/mocha in the tree) and imported
// explicitly, so the core's tests need no ambient declarations.
type Done = (error?: unknown) => void;
type TestFn = (this: { timeout(ms: number): void }, done: Done) => void | Promise<unknown>;
type AsyncFn = (this: { timeout(ms: number): void }) => void | Promise<unknown>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: TestFn | AsyncFn): void;
  before(body: AsyncFn): void;
  after(body: AsyncFn): void;
  beforeEach(body: AsyncFn): void;
  afterEach(body: AsyncFn): void;
}

const mocha = globalThis as unknown as MochaGlobals;

export const describe: MochaGlobals['describe'] = (title, body) => mocha.describe(title, body);
export const it: MochaGlobals['it'] = (title, body) => mocha.it(title, body);
export const before: MochaGlobals['before'] = (body) => mocha.before(body);
export const after: MochaGlobals['after'] = (body) => mocha.after(body);
export const beforeEach: MochaGlobals['beforeEach'] = (body) => mocha.beforeEach(body);
export const afterEach: MochaGlobals['afterEach'] = (body) => mocha.afterEach(body);
