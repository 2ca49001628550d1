import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { exitOnUnsupportedNode } from '../../runtime/node-version';
import { attachEmulator } from './attach';
import { PtyPair } from './pty-pair';
import { emulatedTags, emulatorFaults, type EmulatorFault } from './station-emulator';

/**
 * `npm run station-emulator -- --link <path>`: a base station behind a real pseudo-terminal (socat)
 * whose console end is `<path>`, for training and for testing without hardware. Lines on stdin
 * make things happen to it (a strap opened, mains lost…).
 */
const USAGE = `Usage: npm run station-emulator -- --link PATH [--tags 0-8] [--serial S] [--faults ${emulatorFaults.join(',')}]
Then, on stdin:
  strap <tag> ok|open|cut   mains on|off   case open|closed   battery <pct>
  move <tag> <metres>       garbage        quit`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

exitOnUnsupportedNode();
const { values } = parseArgs({
  options: {
    link: { type: 'string' },
    tags: { type: 'string', default: '2' },
    serial: { type: 'string' },
    faults: { type: 'string', default: '' },
  },
  strict: true,
});
if (!values.link) fail('--link is needed');
const count = Number(values.tags);
if (!Number.isInteger(count) || count < 0 || count > 8) fail('--tags is 0 to 8');
const faults = (values.faults ?? '').split(',').filter(Boolean);
const unknown = faults.filter((f) => !(emulatorFaults as readonly string[]).includes(f));
if (unknown.length) fail(`unknown fault ${unknown.join(', ')}`);

const pty = new PtyPair(values.link, `${values.link}.station`);
await pty.plug().catch((error: Error) => fail(error.message));
const { emulator, close } = await attachEmulator(pty.stationPath, {
  tags: emulatedTags(count),
  serial: values.serial,
  faults: faults as EmulatorFault[],
});
process.stdout.write(
  `Station ${emulator.state.identity.serial} at ${values.link} (tags nearby: ${emulator.state.tags.map((t) => t.id).join(', ') || 'none'})\n`,
);

async function stop(): Promise<void> {
  await close();
  await pty.unplug();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

createInterface({ input: process.stdin }).on('line', (line) => {
  const [what, a, b] = line.trim().split(/\s+/);
  switch (what) {
    case 'strap':
      return emulator.setStrap(a ?? '', (b ?? 'ok').toUpperCase() as 'OK' | 'OPEN' | 'CUT');
    case 'mains':
      return emulator.setMains(a !== 'off');
    case 'case':
      return emulator.setCase(a === 'open');
    case 'battery':
      return emulator.setBattery(Number(a));
    case 'move': {
      const tag = emulator.state.tags.find((t) => t.id === a);
      if (tag) tag.distanceM = Number(b);
      return;
    }
    case 'garbage':
      return emulator.sendGarbage(120);
    case 'quit':
      return void stop();
    case '':
    case undefined:
      return;
    default:
      process.stderr.write(`${USAGE}\n`);
  }
});
