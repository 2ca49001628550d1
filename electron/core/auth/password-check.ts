import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * What the console remembers of the signed-in operator's password, in memory only: a salted
 * scrypt hash, so the lock screen can still be opened while the central service is unreachable
 * (a night-shift referent must not be locked out of the alerts by a network fault).
 */
export class PasswordCheck {
  private readonly salt = randomBytes(16);
  private readonly hash: Buffer;

  constructor(password: string) {
    this.hash = this.derive(password);
  }

  matches(password: string): boolean {
    return timingSafeEqual(this.hash, this.derive(password));
  }

  private derive(password: string): Buffer {
    return scryptSync(password, this.salt, 32);
  }
}
