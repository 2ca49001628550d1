import { mkdirSync, writeFileSync } from 'node:fs';
import { call } from '../../helpers/call';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultSettings } from '../../../shared/domain/settings';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/headless/server';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { rawRequest } from '../../helpers/http';
import { tempDir } from '../../helpers/temp-dir';

const TOKEN = 'test-token-0123456789';
let core: ConsoleCore;
let server: HeadlessServer;
let dataDir: string;
let sim: Simulator;

function rpc(name: string, body?: unknown, headers: Record<string, string> = {}) {
  return rawRequest(server.port, {
    method: 'POST',
    path: `/rpc/${name}`,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function openEvents(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events${query}`, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

beforeEach(async () => {
  dataDir = tempDir();
  const staticRoot = join(tempDir(), 'renderer');
  mkdirSync(staticRoot);
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Sargs</title>');
  sim = await startSimulator({ clients: 5, seed: 2, run: false });
  core = await createConsoleCore({
    dataDir,
    mode: 'headless',
    central: sim.url,
    logError: () => undefined,
  });
  server = await startHeadlessServer({ core, token: TOKEN, port: 0, staticRoot });
  // Every round trip below but the public ones is an operator's: sign one in.
  await rpc('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
});

afterEach(async () => {
  await server.close();
  await core.close();
  await sim.close();
});

describe('headless bridge: refusals', () => {
  it('answers 401 without the token, or with a wrong one', async () => {
    const missing = await rawRequest(server.port, { method: 'POST', path: '/rpc/app.info' });
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const wrong = await rpc('app.info', {}, { Authorization: 'Bearer test-token-0123456780' });
    expect(wrong.status).toBe(401);
  });

  it('answers 404 with a JSON error for an unknown operation', async () => {
    const answer = await rpc('alerts.delete_everything', {});
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.json()).toEqual({
      error: { code: 'unknown_operation', message: 'Unknown operation: alerts.delete_everything' },
    });
  });

  it('answers 400 naming the bad field', async () => {
    const answer = await rpc('settings.set', { theme: 'neon' });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'invalid_input', field: 'theme' } });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const answer = await rawRequest(server.port, {
      method: 'POST',
      path: '/rpc/settings.set',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"language":',
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({
      error: { code: 'invalid_input', message: 'Body is not valid JSON' },
    });
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const answer = await rawRequest(server.port, {
      path: '/health',
      headers: { Host: 'evil.example' },
    });
    expect(answer.status).toBe(403);
  });

  it('refuses the events socket without the token or from a foreign page', async () => {
    await expect(openEvents('')).rejects.toThrow('HTTP 401');
    await expect(openEvents('?token=nope-nope-nope-nope')).rejects.toThrow('HTTP 401');
    await expect(openEvents(`?token=${TOKEN}`, { Origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('closes the events socket of a page that sends more than it takes, and goes on', async () => {
    const socket = await openEvents(`?token=${TOKEN}`);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(5000));
    // 1009: message too big. Without a listener for the socket's error, it was thrown.
    expect(await closed).toBe(1009);
    const other = await openEvents(`?token=${TOKEN}`);
    expect((await rpc('app.info', {})).status).toBe(200);
    other.close();
  });

  it('answers 400, not 500, to a malformed %-escape in an operation name', async () => {
    const answer = await rpc('app.%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    const answer = await rawRequest(server.port, { path: '/..%2f..%2fpackage.json' });
    expect(answer.status).toBe(404);
  });
});

describe('headless bridge: round trips', () => {
  it('serves the page with a strict CSP', async () => {
    const page = await rawRequest(server.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Sargs</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers /health without a token with ok and the version only; with it, the details', async () => {
    const bare = await rawRequest(server.port, { path: '/health' });
    expect(bare.status).toBe(200);
    expect(bare.json()).toEqual({ ok: true, version: expect.any(String) });
    const full = await rawRequest(server.port, {
      path: '/health',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(full.json()).toMatchObject({
      ok: true,
      mode: 'headless',
      connection: { central: sim.url },
      cache: { clients: expect.any(Number) },
      audit: { intact: true, broken: null },
    });
  });

  it('reads app.info and changes a setting that survives a restart of the core', async () => {
    const info = await rpc('app.info');
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({ name: 'Sargs', mode: 'headless', dataDir, warnings: [] });

    expect((await rpc('settings.set', { language: 'lv' })).json()).toMatchObject({
      language: 'lv',
    });
    await core.close();
    const restarted = await createConsoleCore({ dataDir, mode: 'headless', central: null });
    await expect(restarted.dispatch('settings.display', {})).resolves.toMatchObject({
      language: 'lv',
    });
    await restarted.close();
  });

  it('pushes core events to every socket', async () => {
    const sockets = [
      await openEvents(`?token=${TOKEN}`),
      await openEvents('', { Authorization: `Bearer ${TOKEN}` }),
    ];
    // The next settings event a socket hears (connection events come and go meanwhile), as text:
    // a page reads the socket's messages as strings.
    const nextSettings = (socket: WebSocket) =>
      new Promise<unknown>((resolve) => {
        const onMessage = (data: Buffer, binary: boolean) => {
          const message = JSON.parse(data.toString()) as { event: string };
          if (message.event !== 'settings.changed') return;
          socket.off('message', onMessage);
          resolve({ ...message, binary });
        };
        socket.on('message', onMessage);
      });
    const received = sockets.map(nextSettings);
    await rpc('settings.set', { theme: 'light' });
    for (const message of await Promise.all(received)) {
      expect(message).toMatchObject({
        event: 'settings.changed',
        payload: { ...defaultSettings, theme: 'light' },
        binary: false,
      });
    }
    // One page gone: the other still hears everything.
    sockets[0]!.close();
    await new Promise((resolve) => sockets[0]!.once('close', resolve));
    const later = nextSettings(sockets[1]!);
    await rpc('settings.set', { theme: 'dark' });
    expect(await later).toMatchObject({ payload: { theme: 'dark' }, binary: false });
    sockets[1]!.close();
  });

  it('shows a damaged settings file as a start-up warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ nope');
    const damaged = await createConsoleCore({
      dataDir: dir,
      mode: 'headless',
      central: null,
      logError: () => undefined,
    });
    const info = await call(damaged, 'app.info', {});
    await damaged.close();
    expect(info.warnings).toHaveLength(1);
    expect(info.warnings[0]).toMatch(
      /Settings file was damaged .* moved to .*settings\.json\.corrupt-/,
    );
  });
});
