import { BrowserWindow, ipcMain } from 'electron';
import { eventChannel, rpcChannel } from '../../shared/api/channels';
import { operationNames } from '../../shared/api/registry';
import type { ConsoleCore } from '../core/console-core';
import { createSenderCheck, guardHandler } from './ipc-guard';

function ownContentsIds(): ReadonlySet<number> {
  return new Set(BrowserWindow.getAllWindows().map((window) => window.webContents.id));
}

/** Registers one guarded handler per operation and forwards core events to every window. */
export function registerIpc(core: ConsoleCore): () => void {
  const isTrusted = createSenderCheck(ownContentsIds);
  for (const name of operationNames) {
    ipcMain.handle(rpcChannel(name), guardHandler(name, core.dispatch, isTrusted));
  }
  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of operationNames) ipcMain.removeHandler(rpcChannel(name));
  };
}
