import type { OperationName } from '../../shared/api/registry';
import type { Handlers } from './api/handlers';

/**
 * A feature of the core: the operations it answers (who may call each is the operation's row in
 * shared/api/permissions.ts, checked before the handler runs), what it starts once the core is
 * assembled, and what it closes when the console stops. console-core.ts only assembles modules.
 */
export interface CoreModule<N extends OperationName = never> {
  readonly name: string;
  readonly handlers: Pick<Handlers, N>;
  start?(): void;
  close?(): Promise<unknown> | unknown;
}

/** Any module, as the assembly holds them. */
export interface AnyModule {
  readonly name: string;
  readonly handlers: Partial<Handlers>;
  start?(): void;
  close?(): Promise<unknown> | unknown;
}
