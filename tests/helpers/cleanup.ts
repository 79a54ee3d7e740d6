/**
 * Every socket, provider, server and temp dir a test opens is registered here and disposed in
 * `afterEach`, newest first, so a failing assertion never leaks a server into the next test.
 */
export class Cleanup {
  private readonly disposers: Array<() => unknown> = [];

  /** Registers `dispose` and returns `value`, so creation and registration stay on one line. */
  add<T>(value: T, dispose: (value: T) => unknown): T {
    this.disposers.push(() => dispose(value));
    return value;
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.disposers.length > 0) {
      const dispose = this.disposers.pop();
      try {
        await dispose?.();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `cleanup failed: ${errors.map(String).join('; ')}`);
  }
}
