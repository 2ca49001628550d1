import { buildConsoleApi, type ConsoleApi } from '../../../shared/api/console-api';
import { createHeadlessTransport } from './headless-transport';
import { takeHeadlessToken } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the headless bridge. */
    readonly sargs?: ConsoleApi;
  }
}

function pickApi(): ConsoleApi {
  if (window.sargs) return window.sargs;
  const token = takeHeadlessToken(window.location, window.sessionStorage, window.history) ?? '';
  return buildConsoleApi(createHeadlessTransport(window.location.origin, token));
}

/** The one way the page talks to the console core. */
export const api: ConsoleApi = pickApi();
export { isBridgeUp, onBridgeChange } from './bridge-status';
