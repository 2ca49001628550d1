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
