/**
 * Faults a test can switch on in the simulator, to show the console copes: the service failing,
 * throttling, dropping the stream mid-replay, repeating events, or sending a broken message.
 */
export class Faults {
  /** The next n REST requests answer this status. */
  failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  /** The next n REST requests answer 429 with this Retry-After. */
  throttle: { remaining: number; retryAfterS: number } = { remaining: 0, retryAfterS: 1 };
  /** The next stream connection is cut after this many messages. */
  dropStreamAfter: number | null = null;
  /** Replays send every event twice. */
  duplicateReplay = false;
  /** The next stream connection first sends a message that is not a valid event. */
  malformedNext = false;

  clear(): void {
    this.failures = { remaining: 0, status: 500 };
    this.throttle = { remaining: 0, retryAfterS: 1 };
    this.dropStreamAfter = null;
    this.duplicateReplay = false;
    this.malformedNext = false;
  }
}
