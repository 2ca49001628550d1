import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';

let sim: Simulator;
afterEach(() => sim.close());

/** Adds `count` fixes for one client through the service, as device traffic would. */
function addFixes(count: number, from: number): void {
  const client = [...sim.state.clients.values()][0]!;
  const at = Date.parse('2026-11-23T08:00:00.000Z');
  for (let k = 0; k < count; k += 1) {
    const iso = new Date(at + (from + k) * 1000).toISOString();
    sim.state.addPosition({
      id: `F${from + k}`,
      deviceId: client.deviceIds[0]!,
      clientId: client.id,
      at: iso,
      receivedAt: iso,
      lat: 56.95,
      lon: 24.11,
      accuracyM: 10,
      speedKmh: null,
      source: 'gps',
    });
  }
}

async function token(): Promise<string> {
  const answer = await fetch(`${sim.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'referent1', password: TRAINING_PASSWORD }),
  });
  return ((await answer.json()) as { token: string }).token;
}

it('a replay that the log outruns while the console is not reading ends the stream instead of skipping events', async () => {
  sim = await startSimulator({ clients: 5, seed: 3, run: false, maxEvents: 100_000 });
  addFixes(100_000, 0);
  const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/api/v1/stream?after=0`, {
    headers: { Authorization: `Bearer ${await token()}` },
  });
  const seqs: number[] = [];
  socket.on('message', (data: Buffer) =>
    seqs.push((JSON.parse(data.toString()) as { seq: number }).seq),
  );
  await new Promise((resolve) => socket.once('open', resolve));
  socket.pause(); // a console whose store is far behind
  await new Promise((resolve) => setTimeout(resolve, 300));
  addFixes(120_000, 100_000); // meanwhile the service trims the front of its log
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  socket.resume();
  expect(await closed).toBe(1011);
  // Whatever arrived is a run without gaps; the console resumes from its end and is told to reset.
  expect(seqs.length).toBeGreaterThan(0);
  expect(seqs.every((seq, k) => seq === seqs[0]! + k)).toBe(true);
  expect(seqs.at(-1)!).toBeLessThan(sim.state.seq);
  expect(seqs.at(-1)!).toBeLessThan(sim.state.oldestResumableSeq);
});

it('a cursor from beyond its log (a restarted simulator) is told to reset, not silently skipped ahead', async () => {
  sim = await startSimulator({ clients: 5, seed: 3, run: false });
  const socket = new WebSocket(
    `${sim.url.replace('http', 'ws')}/api/v1/stream?after=${sim.state.seq + 5000}`,
    { headers: { Authorization: `Bearer ${await token()}` } },
  );
  const first = await new Promise<{ type: string; data: { reason: string } }>((resolve) =>
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
  );
  expect(first).toMatchObject({ type: 'reset', data: { reason: /not from this service's log/ } });
  socket.close();
});
