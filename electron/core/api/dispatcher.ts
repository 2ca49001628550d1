import { ConsoleApiError, describeZodError } from '../../../shared/api/errors';
import { isOperationName, operations } from '../../../shared/api/registry';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<unknown>;
export type ErrorLog = (message: string, error: unknown) => void;

/**
 * The single gate between a transport and the core: the name must be registered and the input
 * must parse with that operation's schema before any handler runs. IPC and the headless bridge
 * both call this, so they cannot drift apart.
 */
export function createDispatcher(handlers: Handlers, logError: ErrorLog): Dispatch {
  return async (name, raw) => {
    if (!isOperationName(name)) {
      throw new ConsoleApiError('unknown_operation', `Unknown operation: ${name}`);
    }
    const parsed = operations[name].input.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = describeZodError(parsed.error);
      throw new ConsoleApiError('invalid_input', message, field);
    }
    const handler = handlers[name] as (input: unknown) => unknown;
    try {
      return await handler(parsed.data);
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
