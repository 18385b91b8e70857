/** A WHERE clause built from optional filters, with numbered parameters (never string-spliced values). */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  equals(column: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(`${column} = $${this.params.length}`);
    return this;
  }

  /** `from` inclusive, `to` exclusive; either may be left out. */
  range(column: string, from: Date | undefined, to: Date | undefined): this {
    if (from) {
      this.params.push(from);
      this.conditions.push(`${column} >= $${this.params.length}`);
    }
    if (to) {
      this.params.push(to);
      this.conditions.push(`${column} < $${this.params.length}`);
    }
    return this;
  }

  where(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}
