import type { Operator } from '../../../shared/central/records';
import type { OperationName, OperationOutput, ParsedInput } from '../../../shared/api/registry';

/** Who is calling, as the dispatcher let them in: null only for public operations. */
export interface CallContext {
  operator: Operator | null;
}

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  context: CallContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

/** One handler per registered operation; the compiler refuses a missing or mistyped one. */
export type Handlers = { [N in OperationName]: Handler<N> };
