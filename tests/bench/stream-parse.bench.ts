/**
 * `npm run bench:parse`: the check every stream message passes on the core's thread
 * (parseStreamEvent: positions by their quick path, everything else by the schema) against the
 * schema alone (streamEventSchema) on the same messages in the same run: the simulator's own wire
 * log for 2,000 clients over two hours of a lived day (positions, alerts, device and shift events).
 * JSON.parse is done beforehand, apart, and printed for scale. Each figure is the slowest of five
 * rounds; positions alone first (a catch-up), the whole log last (the smaller gain).
 */
import { parseStreamEvent, streamEventSchema } from '../../shared/central/stream';
import { startSimulator } from '../../electron/core/simulator/simulator';
import { median } from './measure';

const ROUNDS = 5;
const start = Date.parse('2026-11-23T06:00:00.000Z');
const sim = await startSimulator({ clients: 2000, seed: 7, start: new Date(start), run: false });
sim.advanceTo(new Date(start + 2 * 3_600_000));
const wire = [...sim.state.eventsAfter(0)].map((event) => event.json);
await sim.close();

const parseStarted = performance.now();
const messages: unknown[] = wire.map((json) => JSON.parse(json));
const parseUs = ((performance.now() - parseStarted) * 1000) / wire.length;
const positionMessages = messages.filter((json) => (json as { type: string }).type === 'position');

/** µs per message for one pass of `check` over `list`; fails on any message refused. */
function pass(list: unknown[], check: (json: unknown) => { success: boolean }): number {
  const started = performance.now();
  let refused = 0;
  for (const json of list) if (!check(json).success) refused += 1;
  if (refused > 0) throw new Error(`${refused} of the simulator's own messages refused`);
  return ((performance.now() - started) * 1000) / list.length;
}

const bySchema = (json: unknown) => streamEventSchema.safeParse(json);
const runs = {
  schema: [] as number[],
  check: [] as number[],
  schemaPos: [] as number[],
  checkPos: [] as number[],
};
for (let round = 0; round < ROUNDS; round++) {
  runs.schemaPos.push(pass(positionMessages, bySchema));
  runs.checkPos.push(pass(positionMessages, parseStreamEvent));
  runs.schema.push(pass(messages, bySchema));
  runs.check.push(pass(messages, parseStreamEvent));
}
const line = (what: string, check: number[], schema: number[]) =>
  `${what}: ${Math.max(...check).toFixed(2)} µs per message, slowest of ${ROUNDS} rounds (median ${median(check).toFixed(2)}); the schema alone ${Math.max(...schema).toFixed(2)} (median ${median(schema).toFixed(2)}): ${(Math.max(...schema) / Math.max(...check)).toFixed(1)}x`;
console.log(
  `${wire.length} messages, ${positionMessages.length} of them positions; JSON.parse alone ${parseUs.toFixed(2)} µs each`,
);
console.log(line('stream check, positions only (a catch-up)', runs.checkPos, runs.schemaPos));
// The whole log last: the smaller gain, since only positions take the quick path.
console.log(line('stream check, the whole log', runs.check, runs.schema));
