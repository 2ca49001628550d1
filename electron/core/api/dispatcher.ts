import { ConsoleApiError, describeZodError } from '../../../shared/api/errors';
import { judge, permissions, type Caller } from '../../../shared/api/permissions';
import type { Operator } from '../../../shared/central/records';
import { isOperationName, operations } from '../../../shared/api/registry';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<unknown>;
export type ErrorLog = (message: string, error: unknown) => void;

export interface DispatcherOptions {
  handlers: Handlers;
  /** Who is signed in now and whether the console is locked, asked at every call. */
  caller: () => Caller & { operator: Operator | null };
  logError: ErrorLog;
}

const REFUSAL_TEXT = {
  not_signed_in: 'Sign in first',
  locked: 'The console is locked: enter your password',
  forbidden: 'Your role may not do this',
} as const;

/**
 * The single gate between a transport and the core: the name must be registered, the caller must
 * pass the operation's row in the permission table, and the input must parse with the operation's
 * schema, in that order, before any handler runs. IPC and the headless bridge both call this, so
 * they cannot drift apart, and a refused caller learns nothing about the input an operation takes.
 */
export function createDispatcher({ handlers, caller, logError }: DispatcherOptions): Dispatch {
  return async (name, raw) => {
    if (!isOperationName(name)) {
      throw new ConsoleApiError('unknown_operation', `Unknown operation: ${name}`);
    }
    const who = caller();
    const verdict = judge(permissions[name], who);
    if (verdict !== 'ok') {
      throw new ConsoleApiError(verdict, `${REFUSAL_TEXT[verdict]} (${name})`, undefined, {
        operation: name,
      });
    }
    const parsed = operations[name].input.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = describeZodError(parsed.error);
      throw new ConsoleApiError('invalid_input', message, field, { field });
    }
    const handler = handlers[name] as (input: unknown, context: unknown) => unknown;
    try {
      return await handler(parsed.data, { operator: who.operator });
    } catch (error) {
      if (error instanceof ConsoleApiError) throw error;
      logError(`operation ${name} failed`, error);
      throw new ConsoleApiError('internal', `${name} failed: ${errorMessage(error)}`);
    }
  };
}

export function toConsoleApiError(error: unknown): ConsoleApiError {
  return error instanceof ConsoleApiError
    ? error
    : new ConsoleApiError('internal', errorMessage(error));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The operator a handler acts for; the dispatcher has already refused anyone else. */
export function operatorOf(context: { operator: Operator | null }): Operator {
  if (!context.operator) throw new ConsoleApiError('not_signed_in', 'Sign in first');
  return context.operator;
}
