import { ConsoleApiError } from '../../../shared/api/errors';
import type {
  CommissioningReport,
  CommissioningStepInput,
  StationConfig,
  StationLimits,
  StatusCheck,
} from '../../../shared/domain/commissioning';
import type { Settings } from '../../../shared/domain/settings';
import { distanceM } from '../../../shared/geo/distance';
import { identitySchema, statusSchema } from '../../../shared/stations/sentences';
import type { StoreService } from '../db/store-service';
import type { Clock } from '../runtime/clock';
import type { StationsService } from './stations-service';

export interface StepDeps {
  stations: StationsService;
  store: StoreService;
  settings: Settings;
  clock: Clock;
  rangeListenMs: number;
}

type Step<S extends CommissioningStepInput['step']> = (
  input: Extract<CommissioningStepInput, { step: S }>,
  report: CommissioningReport,
  deps: StepDeps,
) => Promise<CommissioningReport>;

const PAIRABLE = new Set(['rf_tag', 'gps_tag']);

/** The station's answer did not have the shape the protocol gives it. */
function badAnswer(command: string): ConsoleApiError {
  return new ConsoleApiError(
    'station_refused',
    `${command}: the answer has a bad shape`,
    undefined,
    {
      command,
      stationCode: 'E_ANSWER',
      text: 'bad answer',
    },
  );
}

const identity: Step<'identity'> = async (_input, report, { stations }) => {
  const [model, serial, firmware, hardware, protocolVersion] = await stations.command('GETINFO');
  const parsed = identitySchema.safeParse({ model, serial, firmware, hardware, protocolVersion });
  if (!parsed.success) throw badAnswer('GETINFO');
  return { ...report, identity: parsed.data };
};

export function statusChecks(
  status: { mains: boolean; batteryPct: number; gsmCsq: number; caseOpen: boolean },
  limits: StationLimits,
): StatusCheck[] {
  return [
    {
      name: 'mains',
      value: status.mains,
      limit: limits.requireMains,
      pass: status.mains || !limits.requireMains,
    },
    {
      name: 'battery',
      value: status.batteryPct,
      limit: limits.minBatteryPct,
      pass: status.batteryPct >= limits.minBatteryPct,
    },
    {
      name: 'gsm',
      value: status.gsmCsq,
      limit: limits.minGsmCsq,
      pass: status.gsmCsq !== 99 && status.gsmCsq >= limits.minGsmCsq,
    },
    {
      name: 'case',
      value: !status.caseOpen,
      limit: limits.requireCaseClosed,
      pass: !status.caseOpen || !limits.requireCaseClosed,
    },
  ];
}

const status: Step<'status'> = async (_input, report, { stations, settings }) => {
  const [uptimeS, mains, batteryPct, gsmCsq, caseOpen, tempC] = await stations.command('GETSTATUS');
  const parsed = statusSchema.safeParse({ uptimeS, mains, batteryPct, gsmCsq, caseOpen, tempC });
  if (!parsed.success) throw badAnswer('GETSTATUS');
  return { ...report, checks: statusChecks(parsed.data, settings.stationLimits) };
};

const clock: Step<'clock'> = async (_input, report, deps) => {
  const seconds = Math.floor(deps.clock().getTime() / 1000);
  const [echo] = await deps.stations.command('SETTIME', [seconds]);
  if (echo !== String(seconds)) throw badAnswer('SETTIME');
  return { ...report, clockSetTo: new Date(seconds * 1000).toISOString() };
};

const config: Step<'config'> = async (input, report, { stations }) => {
  const wanted: [string, string][] = [
    ['CENTRAL_HOST', input.config.centralHost],
    ['CENTRAL_PORT', String(input.config.centralPort)],
    ['APN', input.config.apn],
  ];
  for (const [key, value] of wanted) await stations.command('SETCFG', [key, value]);
  // Read back what the station now holds: the report states what it has, not what was sent.
  for (const [key, value] of wanted) {
    const [, held] = await stations.command('GETCFG', [key]);
    if (held !== value) throw badAnswer('GETCFG');
  }
  const saved: StationConfig = input.config;
  return { ...report, config: saved };
};

const pair: Step<'pair'> = async (input, report, { stations, store, clock: now }) => {
  const detail = await store.run((s) => s.clientDetail(report.clientId));
  const devices = detail?.devices ?? [];
  const chosen = input.deviceIds.map((id) => {
    const device = devices.find((d) => d.id === id);
    if (!device || !PAIRABLE.has(device.kind))
      throw new ConsoleApiError('invalid_input', `${id} is not a tag of this client`, 'deviceIds', {
        what: 'tag',
      });
    return device;
  });
  // What the station already pairs is not paired again (a resumed step, a station paired before).
  const [, ...already] = await stations.command('LISTTAGS');
  let tags = report.tags.filter((t) => already.includes(t.tagId));
  for (const device of chosen) {
    if (!already.includes(device.serial)) await stations.command('PAIR', [device.serial]);
    if (!tags.some((t) => t.tagId === device.serial))
      tags = [
        ...tags,
        { tagId: device.serial, deviceId: device.id, pairedAt: now().toISOString() },
      ];
  }
  return { ...report, tags };
};

const range: Step<'range'> = async (input, report, { stations, rangeListenMs }) => {
  if (report.tags.length === 0)
    throw new ConsoleApiError('conflict', 'Pair a tag before the range test', 'step', {
      what: 'steps',
      steps: 'pair',
    });
  await stations.rfTest(true, input.level);
  const deadline = Date.now() + rangeListenMs;
  const heardAll = () => {
    const samples = stations.rfSamples;
    return report.tags.every((t) => samples.filter((s) => s.tagId === t.tagId).length >= 2);
  };
  while (Date.now() < deadline && !heardAll()) await new Promise((r) => setTimeout(r, 100));
  const samples = stations.rfSamples;
  await stations.rfTest(false);
  const tags = report.tags.map(({ tagId }) => {
    const values = samples.filter((s) => s.tagId === tagId).map((s) => s.rssiDbm);
    return {
      tagId,
      samples: values.length,
      minRssiDbm: values.length ? Math.min(...values) : null,
      meanRssiDbm: values.length
        ? Math.round(values.reduce((a, b) => a + b, 0) / values.length)
        : null,
      maxRssiDbm: values.length ? Math.max(...values) : null,
    };
  });
  const unheard = tags.filter((t) => t.samples === 0).map((t) => t.tagId);
  if (unheard.length > 0)
    throw new ConsoleApiError(
      'station_refused',
      `Not heard at level ${input.level}: ${unheard.join(', ')}`,
      undefined,
      {
        command: 'RFTEST',
        stationCode: 'E_NOT_HEARD',
        text: unheard.join(', '),
      },
    );
  return { ...report, range: { level: input.level, tags } };
};

const home: Step<'home'> = async (_input, report, { stations, store }) => {
  const [latText, lonText] = await stations.command('SETHOME');
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw badAnswer('SETHOME');
  const detail = await store.run((s) => s.clientDetail(report.clientId));
  const address = detail?.client.home ?? null;
  return {
    ...report,
    home: { lat, lon, distanceM: address ? Math.round(distanceM(address, { lat, lon })) : null },
  };
};

const steps: { [S in CommissioningStepInput['step']]: Step<S> } = {
  identity,
  status,
  clock,
  config,
  pair,
  range,
  home,
};

export function runStep(
  input: CommissioningStepInput,
  report: CommissioningReport,
  deps: StepDeps,
): Promise<CommissioningReport> {
  return (steps[input.step] as Step<typeof input.step>)(input as never, report, deps);
}
