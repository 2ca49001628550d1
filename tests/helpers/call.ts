import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/registry';
import type { ConsoleCore } from '../../electron/core/console-core';

/** One ConsoleApi operation through the core's dispatcher, typed from the registry. */
export function call<N extends OperationName>(
  core: Pick<ConsoleCore, 'dispatch'>,
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  return core.dispatch(name, input) as Promise<OperationOutput<N>>;
}

/** The error an operation is refused with (fails the test if it is answered instead). */
export async function callError<N extends OperationName>(
  core: Pick<ConsoleCore, 'dispatch'>,
  name: N,
  input: unknown,
): Promise<{ code: string; message: string; field?: string; params?: Record<string, unknown> }> {
  try {
    await core.dispatch(name, input);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`${name} was answered; a refusal was expected`);
}
