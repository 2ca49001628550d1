import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, rpcChannel } from '../../shared/api/channels';
import { buildConsoleApi, type ConsoleApi } from '../../shared/api/console-api';
import { unwrapEnvelope } from '../../shared/api/errors';

/**
 * Exposes exactly the ConsoleApi and nothing else: one method per registered operation on fixed
 * channels, and listeners that receive the payload only (never the IpcRendererEvent, which would
 * hand the page `sender`).
 */
const api = buildConsoleApi({
  call: async (name, input) => unwrapEnvelope(await ipcRenderer.invoke(rpcChannel(name), input)),
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
}) satisfies ConsoleApi;

contextBridge.exposeInMainWorld('sargs', api);
