/**
 * `npm run bench:serial`: sentences per second through the station codec and through the whole
 * link over a real socat pty, each against a bare line split of the same bytes in the same run
 * (the ceiling of any line-based reader). The last line is the worse of the two ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSplitter } from '../../electron/core/stations/codec';
import { PtyPair } from '../../electron/core/stations/emulator/pty-pair';
import { StationLink } from '../../electron/core/stations/station-link';
import { openSerialTransport } from '../../electron/core/stations/transport';
import { encodeSentence } from '../../electron/core/stations/codec';
import { mb, median, perSecond, sampleRss, seconds } from './measure';

const SENTENCES = 400_000;
const RUNS = 5;
const CHUNK = 4096;

function traffic(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < SENTENCES; i++) {
    const tag = `TAG-${String(i % 4).padStart(5, '0')}`;
    lines.push(
      i % 10 === 0
        ? encodeSentence(['SBS', i, 1, 100, 23, 0, 21])
        : encodeSentence(['SBH', tag, -50 - (i % 40), 88, 'OK', i]),
    );
  }
  return Buffer.from(lines.join(''), 'latin1');
}

function chunks(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) out.push(bytes.subarray(i, i + CHUNK));
  return out;
}

/** The ceiling: bytes to latin1 text, cut at each \n, nothing checked. */
function bareSplit(parts: Buffer[]): number {
  let count = 0;
  let rest = '';
  for (const part of parts) {
    const lines = (rest + part.toString('latin1')).split('\n');
    rest = lines.pop() ?? '';
    count += lines.length;
  }
  return count;
}

function codec(parts: Buffer[]): number {
  let good = 0;
  const splitter = new LineSplitter({ line: (decoded) => decoded.ok && good++ });
  for (const part of parts) splitter.push(part);
  return good;
}

function timed(run: () => number): { rate: number; count: number } {
  const start = performance.now();
  const count = run();
  return { rate: perSecond(SENTENCES, seconds(start)), count };
}

/** Writes the traffic into the station's end of a pty; resolves when the reader has it all. */
async function overPty(
  pty: PtyPair,
  bytes: Buffer,
  reader: (path: string, done: () => void) => Promise<() => Promise<void>>,
): Promise<number> {
  await pty.plug();
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const close = await reader(pty.consolePath, finished);
  const station = await openSerialTransport(pty.stationPath);
  const start = performance.now();
  for (const part of chunks(bytes)) station.write(part.toString('latin1'));
  await done;
  const rate = perSecond(SENTENCES, seconds(start));
  await close();
  await station.close();
  await pty.unplug();
  return rate;
}

const bareReader = async (path: string, done: () => void) => {
  const port = await openSerialTransport(path);
  let lines = 0;
  port.onData((chunk) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (lines >= SENTENCES) done();
  });
  return () => port.close();
};

const linkReader = async (path: string, done: () => void) => {
  const link = new StationLink(path, openSerialTransport);
  let good = 0;
  link.listen({ sentence: () => ++good >= SENTENCES && done() });
  await link.start();
  return () => link.close();
};

const bytes = traffic();
const parts = chunks(bytes);
console.log(
  `traffic: ${SENTENCES} sentences, ${mb(bytes.length)} (${CHUNK}-byte reads), ${RUNS} runs each`,
);

const memory = sampleRss();
const spread = (rates: number[]) =>
  `median ${median(rates)}/s (runs ${Math.min(...rates)}–${Math.max(...rates)})`;
const bare: number[] = [];
const decoded: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const b = timed(() => bareSplit(parts));
  const c = timed(() => codec(parts));
  if (c.count !== SENTENCES) throw new Error(`codec decoded ${c.count} of ${SENTENCES}`);
  bare.push(b.rate);
  decoded.push(c.rate);
}
console.log(`bare line split: ${spread(bare)}`);
console.log(`codec (framing, checksum, fields, zod): ${spread(decoded)}`);

const dir = mkdtempSync(join(tmpdir(), 'sargs-serial-bench-'));
const pty = new PtyPair(join(dir, 'console'), join(dir, 'station'));
const bareLink: number[] = [];
const fullLink: number[] = [];
for (let run = 0; run < 3; run++) {
  bareLink.push(await overPty(pty, bytes, bareReader));
  fullLink.push(await overPty(pty, bytes, linkReader));
}
rmSync(dir, { recursive: true, force: true });
console.log(`pty, bare newline count: ${spread(bareLink)}`);
console.log(`pty, station link (codec + supervision + log): ${spread(fullLink)}`);
console.log(`peak RSS: ${mb(memory.stop())}`);

const codecRatio = median(decoded) / median(bare);
const linkRatio = median(fullLink) / median(bareLink);
const lines = [
  `serial codec: ${median(decoded)} sentences/s = ${codecRatio.toFixed(2)}x a bare line split`,
  `serial link over pty: ${median(fullLink)} sentences/s = ${linkRatio.toFixed(2)}x a bare reader`,
];
// The worse ratio last.
if (codecRatio < linkRatio) lines.reverse();
for (const line of lines) console.log(line);
