import { ConsoleApiError } from '../../../shared/api/errors';
import type { Caller } from '../../../shared/api/permissions';
import type { Operator } from '../../../shared/central/records';
import type { SessionState } from '../../../shared/domain/session';
import type { AuditTrail } from '../audit/audit-trail';
import type { CentralService } from '../central/central-service';
import type { EventBus } from '../events/event-bus';
import type { Monotonic } from '../runtime/clock';
import { PasswordCheck } from './password-check';

/** Wrong passwords on the lock screen before the session is ended altogether. */
export const MAX_UNLOCK_FAILURES = 5;
const IDLE_CHECK_MS = 1_000;

export interface SessionGuardOptions {
  central: CentralService;
  events: EventBus;
  audit: AuditTrail;
  /** How long without input before the console locks (Settings, read at every check). */
  idleMs: () => number;
  monotonic: Monotonic;
  logError: (message: string, error: unknown) => void;
}

/**
 * The operator's session as the permission gate sees it: who is signed in and whether the console
 * is locked. Idle time is measured on a monotonic clock from the page's reports of input
 * (`session.activity`); the console locks itself when it runs out, and only the same operator's
 * password opens it (checked with the service, or with what the console remembers when the
 * service cannot be reached). Another operator may sign in instead, which ends the first session.
 */
export class SessionGuard {
  private locked = false;
  private lastInput = 0;
  private username: string | null = null;
  private password: PasswordCheck | null = null;
  private unlockFailures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SessionGuardOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.checkIdle(), IDLE_CHECK_MS);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Asked by the dispatcher and the event gate at every call. */
  caller(): Caller & { operator: Operator | null } {
    this.checkIdle();
    const { operator } = this.options.central.session();
    return { operator, locked: operator !== null && this.locked };
  }

  state(): SessionState {
    const state = this.options.central.session();
    return { ...state, locked: state.operator !== null && this.locked };
  }

  async login(username: string, password: string): Promise<SessionState> {
    const { central, audit } = this.options;
    const before = central.session().operator;
    let operator: Operator | null;
    try {
      operator = (await central.login(username, password)).operator;
    } catch (error) {
      if (error instanceof ConsoleApiError && error.code === 'wrong_credentials')
        await audit.record(null, 'session.login_failed', null, { username });
      throw error;
    }
    if (before)
      await audit.record(before, 'session.logout', null, {
        reason: this.locked ? 'replaced_while_locked' : 'replaced',
        by: operator?.id ?? null,
      });
    this.username = username;
    this.password = new PasswordCheck(password);
    this.unlockFailures = 0;
    this.locked = false;
    this.lastInput = this.options.monotonic();
    await audit.record(operator, 'session.login', null, { username });
    return this.announce();
  }

  async logout(operator: Operator | null): Promise<SessionState> {
    await this.options.central.logout();
    await this.options.audit.record(operator, 'session.logout', null, { reason: 'operator' });
    this.forget();
    return this.announce();
  }

  activity(): void {
    this.lastInput = this.options.monotonic();
  }

  async lock(reason: 'idle' | 'operator'): Promise<SessionState> {
    const { operator } = this.options.central.session();
    if (!operator || this.locked) return this.state();
    this.locked = true;
    this.announce();
    await this.options.audit.record(operator, 'session.lock', null, { reason });
    return this.state();
  }

  async unlock(password: string): Promise<SessionState> {
    const { central, audit } = this.options;
    const { operator } = central.session();
    if (!operator || !this.locked || this.username === null) return this.state();
    let verdict = await central.verify(this.username, password);
    let checkedBy = 'service';
    if (verdict === 'unreachable') {
      checkedBy = 'console';
      verdict = this.password?.matches(password) ? 'ok' : 'wrong';
    }
    if (verdict !== 'ok') {
      this.unlockFailures += 1;
      await audit.record(operator, 'session.unlock_failed', null, {
        checkedBy,
        failures: this.unlockFailures,
      });
      if (this.unlockFailures >= MAX_UNLOCK_FAILURES) {
        await central.logout();
        await audit.record(operator, 'session.logout', null, { reason: 'unlock_failures' });
        this.forget();
        this.announce();
      }
      throw new ConsoleApiError('wrong_credentials', 'Wrong password', 'password');
    }
    this.locked = false;
    this.unlockFailures = 0;
    this.lastInput = this.options.monotonic();
    await audit.record(operator, 'session.unlock', null, { checkedBy });
    return this.announce();
  }

  private checkIdle(): void {
    const { operator } = this.options.central.session();
    if (!operator || this.locked) return;
    if (this.options.monotonic() - this.lastInput < this.options.idleMs()) return;
    this.lock('idle').catch((error: unknown) => this.options.logError('idle lock', error));
  }

  private forget(): void {
    this.locked = false;
    this.username = null;
    this.password = null;
    this.unlockFailures = 0;
  }

  private announce(): SessionState {
    const state = this.state();
    this.options.events.emit('session.changed', state);
    return state;
  }
}
