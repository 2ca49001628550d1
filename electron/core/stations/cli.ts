import { parseArgs } from 'node:util';
import { ConsoleApiError } from '../../../shared/api/errors';
import type { Sentence } from '../../../shared/stations/sentences';
import { catalogs } from '../../../shared/i18n';
import { fill } from '../../../shared/format/fill';
import { exitOnUnsupportedNode } from '../runtime/node-version';
import { listPorts } from './ports';
import { StationLink } from './station-link';
import { openSerialTransport } from './transport';

/**
 * `npm run station -- <command> --port <path> [--json]`: one station on a technician's bench,
 * without the console. Plain lines by default; a refusal exits non-zero with the station's error.
 */
const USAGE = `Usage: npm run station -- <command> [--port PATH] [--json]
  list                 serial ports the system lists (pseudo-terminals are not listed)
  info                 the station's identity (GETINFO)
  status               mains, battery, GSM signal, case, temperature (GETSTATUS)
  pair <tag>           pair a tag (PAIR)
  unpair <tag>         unpair a tag (UNPAIR)
  tags                 the paired tags (LISTTAGS)
  rftest [seconds]     every tag heard, paired or not, for a while (default 10 s)
  monitor              every sentence the station sends, until Ctrl-C`;

const words = catalogs.en;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The station's refusal in words a technician reads, e.g. "The tag is not paired…". */
function describe(error: unknown): string {
  if (!(error instanceof ConsoleApiError)) return (error as Error).message;
  const params = error.params ?? {};
  const filled = (text: string) => fill(text, params);
  if (error.code === 'station_refused') {
    const code = String(params.stationCode ?? '');
    const known = words.stationError as Record<string, string>;
    return `${filled(known[code] ?? words.stationError.other)} [${code}]`;
  }
  const known = words.errorCode as Record<string, string>;
  return filled(known[error.code] ?? error.message);
}

function print(json: boolean, value: unknown, plain: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${plain}\n`);
}

function sentenceLine(sentence: Sentence): string {
  return Object.entries(sentence)
    .map(([key, value]) => (key === 'type' ? String(value) : `${key}=${JSON.stringify(value)}`))
    .join(' ');
}

async function main(): Promise<void> {
  exitOnUnsupportedNode();
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [command, argument] = positionals;
  const json = values.json ?? false;
  if (command === 'list') {
    const list = await listPorts();
    if (list.listError && !json)
      process.stderr.write(`The system's list is unavailable: ${list.listError}\n`);
    print(
      json,
      list,
      list.ports
        .map((p) => [p.path, p.manufacturer ?? '', p.serialNumber ?? ''].join('\t'))
        .join('\n') || '(none)',
    );
    return;
  }
  if (
    !command ||
    !['info', 'status', 'pair', 'unpair', 'tags', 'rftest', 'monitor'].includes(command)
  )
    fail(USAGE, 2);
  if (!values.port) fail(`--port is needed\n${USAGE}`, 2);
  const link = new StationLink(values.port, openSerialTransport);
  await link
    .start()
    .catch((error: Error) => fail(`${values.port} could not be opened: ${error.message}`));
  try {
    await run(link, command, argument, json);
  } catch (error) {
    await link.close();
    fail(describe(error));
  }
  await link.close();
}

async function run(
  link: StationLink,
  command: string,
  argument: string | undefined,
  json: boolean,
) {
  switch (command) {
    case 'info': {
      const [model, serial, firmware, hardware, protocolVersion] = await link.command('GETINFO');
      const info = { model, serial, firmware, hardware, protocolVersion };
      return print(
        json,
        info,
        `${model} ${serial} firmware ${firmware} hardware ${hardware} protocol ${protocolVersion}`,
      );
    }
    case 'status': {
      const [uptimeS, mains, batteryPct, gsmCsq, caseOpen, tempC] = await link.command('GETSTATUS');
      const status = {
        uptimeS: Number(uptimeS),
        mains: mains === '1',
        batteryPct: Number(batteryPct),
        gsmCsq: Number(gsmCsq),
        caseOpen: caseOpen === '1',
        tempC: Number(tempC),
      };
      return print(
        json,
        status,
        `mains ${status.mains ? 'on' : 'OFF'}, battery ${batteryPct}%, GSM ${gsmCsq}/31, case ${status.caseOpen ? 'OPEN' : 'closed'}, ${tempC} °C, up ${uptimeS} s`,
      );
    }
    case 'pair':
    case 'unpair': {
      if (!argument) fail(`${command} needs a tag id\n${USAGE}`, 2);
      const [tag] = await link.command(command.toUpperCase(), [argument]);
      return print(
        json,
        { [command === 'pair' ? 'paired' : 'unpaired']: tag },
        `${command === 'pair' ? 'paired' : 'unpaired'} ${tag}`,
      );
    }
    case 'tags': {
      const [, ...tags] = await link.command('LISTTAGS');
      return print(json, { tags }, tags.join('\n') || '(no tags paired)');
    }
    case 'rftest': {
      const seconds = argument === undefined ? 10 : Number(argument);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        fail('rftest takes 1 to 3600 seconds', 2);
      const stop = link.listen({
        sentence: (s) =>
          s.type === 'SBH' &&
          print(
            json,
            s,
            `${s.tagId}\t${s.rssiDbm} dBm\tbattery ${s.tagBatteryPct}%\tstrap ${s.strap}`,
          ),
      });
      await link.command('RFTEST', ['START']);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      stop();
      await link.command('RFTEST', ['STOP']);
      return;
    }
    default:
      link.listen({
        sentence: (s) => print(json, s, sentenceLine(s)),
        dropped: (reason, raw) =>
          print(json, { dropped: reason, raw }, `DROPPED (${reason}) ${JSON.stringify(raw)}`),
        state: (s) => process.stderr.write(`link ${s}\n`),
      });
      await new Promise(() => undefined);
  }
}

await main();
