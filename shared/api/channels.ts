import type { EventName, OperationName } from './registry';

/** IPC channel names, one per operation and one per event: never a channel chosen by the page. */
export const rpcChannel = (name: OperationName): string => `sargs:rpc:${name}`;
export const eventChannel = (name: EventName): string => `sargs:event:${name}`;
