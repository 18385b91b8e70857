/**
 * Runs an expensive check for many callers at once: callers arriving while it runs share that run,
 * and its result is reused for `freshForMs` after it finished. A flood of requests therefore costs
 * at most one run per period, whoever sends it.
 */
export class SharedProbe<T> {
  private latest?: { at: number; value: T };
  private running?: Promise<T>;

  constructor(
    private readonly probe: () => Promise<T>,
    private readonly freshForMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.latest && this.now() - this.latest.at < this.freshForMs) return Promise.resolve(this.latest.value);
    this.running ??= this.probe()
      .then((value) => {
        this.latest = { at: this.now(), value };
        return value;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
