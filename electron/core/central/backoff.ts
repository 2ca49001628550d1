/**
 * Reconnect delays of central-api.md: 1 s doubling to 30 s, with jitter so that a centre's
 * consoles do not all return at the same instant after an outage.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = 1000,
    private readonly maxMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next delay: full size times a factor in [0.5, 1). */
  next(): number {
    const base = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt += 1;
    return Math.round(base * (0.5 + this.random() / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
