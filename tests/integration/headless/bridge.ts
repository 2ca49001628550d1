import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../../../shared/central/records';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { cacheFileFor } from '../../../electron/core/db/cache-file';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/headless/server';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { rawRequest, type RawResponse } from '../../helpers/http';

export const TOKEN = 'bridge-token-0123456789';

export interface Bridge {
  sim: Simulator;
  core: ConsoleCore;
  server: HeadlessServer;
  cacheFile: string;
  /** A client and an open alert of theirs in the cache. */
  clientId: string;
  alert: Alert;
  rpc(name: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  signIn(username: string): Promise<void>;
  close(): Promise<void>;
}

/** A console core behind the real headless bridge, on a small simulator with an open alert. */
export async function startBridge(): Promise<Bridge> {
  const sim = await startSimulator({ clients: 12, seed: 4, run: false });
  const clientId = [...sim.state.clients.keys()][0]!;
  // Low severity: its targets are an hour away, so no SLA miss writes to the cache mid-test.
  const alert = sim.raise({ clientId, type: 'battery_low', severity: 'low' });
  // Its own folder, not tempDir(): the bridge lives across a file's tests.
  const dataDir = mkdtempSync(join(tmpdir(), 'sargs-bridge-'));
  const staticRoot = join(dataDir, 'renderer');
  mkdirSync(staticRoot);
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Sargs</title>');
  const core = await createConsoleCore({
    dataDir,
    mode: 'headless',
    central: sim.url,
    logError: () => undefined,
  });
  const server = await startHeadlessServer({ core, token: TOKEN, port: 0, staticRoot });
  const rpc = (name: string, body?: unknown, headers: Record<string, string> = {}) =>
    rawRequest(server.port, {
      method: 'POST',
      path: `/rpc/${name}`,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const bridge: Bridge = {
    sim,
    core,
    server,
    cacheFile: cacheFileFor(dataDir, sim.url),
    clientId,
    alert,
    rpc,
    signIn: async (username) => {
      const answer = await rpc('session.login', { username, password: TRAINING_PASSWORD });
      if (answer.status !== 200) throw new Error(`sign-in ${username}: ${answer.text}`);
    },
    close: async () => {
      await server.close();
      await core.close();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // The alert must be in the cache before anyone looks for it.
  await bridge.signIn('referent1');
  for (let tries = 0; tries < 200; tries += 1) {
    const detail = await rpc('alerts.detail', { alertId: alert.id });
    if (detail.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await rpc('session.logout', {});
  return bridge;
}
