import type { Envelope } from '../../shared/api/errors';
import { ConsoleApiError } from '../../shared/api/errors';
import type { OperationName } from '../../shared/api/registry';
import { toConsoleApiError, type Dispatch } from '../core/api/dispatcher';
import { APP_ORIGIN, isOnOrigin } from '../core/security/url-guards';

/**
 * The parts of Electron's IpcMainInvokeEvent the guard reads. Declared here so the guard is plain
 * TypeScript that unit tests can run without Electron.
 */
export interface SenderEvent {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

export type SenderCheck = (event: SenderEvent) => boolean;

/**
 * A sender is ours when it is the web contents of one of our own windows AND the frame that sent
 * the message is on the app's origin (not a page it was tricked into loading).
 */
export function createSenderCheck(ownContentsIds: () => ReadonlySet<number>): SenderCheck {
  return (event) => {
    const url = event.senderFrame?.url;
    return (
      url !== undefined && ownContentsIds().has(event.sender.id) && isOnOrigin(url, [APP_ORIGIN])
    );
  };
}

/**
 * The one wrapper every IPC handler goes through: foreign senders are refused, then the shared
 * dispatcher parses the input with the operation's schema. Errors travel as data (an envelope),
 * since Electron reduces thrown errors to a string.
 */
export function guardHandler(name: OperationName, dispatch: Dispatch, isTrusted: SenderCheck) {
  return async (event: SenderEvent, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event)) {
      return {
        ok: false,
        ...new ConsoleApiError('forbidden', `Sender may not call ${name}`).toBody(),
      };
    }
    try {
      return { ok: true, value: await dispatch(name, input) };
    } catch (error) {
      return { ok: false, ...toConsoleApiError(error).toBody() };
    }
  };
}
