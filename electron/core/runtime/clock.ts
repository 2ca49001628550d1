/**
 * The console's clock: what time it is for records, audit entries and due times. Tests and the
 * training world set their own; everything in the core takes this one type.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * Time that only moves forward, for measuring how long something took or how long an operator
 * has been idle: a wall-clock jump (NTP, a test's clock) must not lock or unlock a console.
 */
export type Monotonic = () => number;

export const monotonic: Monotonic = () => performance.now();
