import {
  isEventName,
  operationNames,
  type EventName,
  type EventPayload,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './registry';

type AreaOf<N> = N extends `${infer Area}.${string}` ? Area : never;
type VerbOf<N, Area extends string> = N extends `${Area}.${infer Verb}` ? Verb : never;

/** An operation whose input may be empty can be called with no argument. */
type Method<N extends OperationName> =
  Record<string, never> extends OperationInput<N>
    ? (input?: OperationInput<N>) => Promise<OperationOutput<N>>
    : (input: OperationInput<N>) => Promise<OperationOutput<N>>;

type Areas = {
  [Area in AreaOf<OperationName>]: {
    [N in OperationName as VerbOf<N, Area>]: Method<N>;
  };
};

export type Unsubscribe = () => void;

/** What the renderer sees: one method per registered operation, and typed event listeners. */
export type ConsoleApi = Areas & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
};

/** A way to reach the core. It throws ConsoleApiError on failure. */
export interface Transport {
  call(name: OperationName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds the ConsoleApi over a transport. Both the preload (IPC) and the headless bridge (HTTP)
 * use this, so the page cannot tell them apart and neither can reach anything outside the registry.
 */
export function buildConsoleApi(transport: Transport): ConsoleApi {
  const areas: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    const dot = name.indexOf('.');
    const area = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    areas[area] ??= {};
    areas[area][verb] = (input?: unknown) => transport.call(name, input ?? {});
  }
  const on = (event: string, listener: (payload: unknown) => void): Unsubscribe => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
    return transport.subscribe(event, listener);
  };
  // The mapped type cannot be built field by field; the loop above covers every registered name.
  return { ...areas, on } as unknown as ConsoleApi;
}
