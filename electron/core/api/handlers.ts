import type { OperationName, OperationOutput, ParsedInput } from '../../../shared/api/registry';

/** One handler per registered operation; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInput<N>) => OperationOutput<N> | Promise<OperationOutput<N>>;
};
