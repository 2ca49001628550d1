import { expect } from 'vitest';
import { ConsoleApiError } from '../../shared/api/errors';

/** Awaits a promise that must reject with a ConsoleApiError, and returns the error. */
export async function apiRejection(promise: Promise<unknown>): Promise<ConsoleApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConsoleApiError);
  return error as ConsoleApiError;
}
