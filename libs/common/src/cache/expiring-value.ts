/**
 * A value loaded at most once per `ttlMs` and shared by everyone who asks meanwhile, for data that
 * changes only with a deploy (specialties come from migrations). A failed load is not kept.
 */
export class ExpiringValue<T> {
  private current?: { value: Promise<T>; expiresAt: number };

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.current && this.current.expiresAt > this.now()) return this.current.value;
    const value = this.load();
    const entry = { value, expiresAt: this.now() + this.ttlMs };
    this.current = entry;
    value.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return value;
  }
}
