import { ConsoleApiError } from '../../../shared/api/errors';
import type { Settings } from '../../../shared/domain/settings';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';
import { commissioningPdf } from '../reports/commissioning-pdf';
import type { Clock } from '../runtime/clock';
import { Commissioning } from './commissioning';
import { listPorts } from './ports';
import type { StationsService } from './stations-service';

export interface StationsModuleOptions {
  stations: StationsService;
  store: StoreService;
  audit: AuditTrail;
  settings: () => Settings;
  clock: Clock;
  rangeListenMs?: number;
  /** What the receiver starts (its rules) and closes. */
  receiver?: { start(): void; close(): Promise<void> | void };
}

type StationOps =
  | 'stations.ports'
  | 'stations.state'
  | 'stations.connect'
  | 'stations.disconnect'
  | 'stations.log'
  | 'stations.send'
  | 'stations.rfTest'
  | 'commissioning.start'
  | 'commissioning.step'
  | 'commissioning.sign'
  | 'commissioning.get'
  | 'commissioning.list'
  | 'commissioning.pdf'
  | 'devices.list';

/**
 * Base stations at this console: the port, the link, the commissioning wizard and its reports,
 * the devices register for technicians. Every connection, command and report is audited.
 */
export function stationsModule(o: StationsModuleOptions): CoreModule<StationOps> {
  const { stations, store, audit } = o;
  const commissioning = new Commissioning({
    store,
    stations,
    audit,
    settings: o.settings,
    clock: o.clock,
    rangeListenMs: o.rangeListenMs,
  });
  return {
    name: 'stations',
    handlers: {
      'stations.ports': () => listPorts(),
      'stations.state': () => stations.state(),
      'stations.connect': async ({ path, mode }, context) => {
        const operator = operatorOf(context);
        const state = await stations.connect(path, mode);
        await audit.record(
          operator,
          'station.connect',
          { type: 'station', id: stations.serial },
          {
            path,
            mode,
          },
        );
        return state;
      },
      'stations.disconnect': async (_input, context) => {
        const serial = stations.serial;
        const state = await stations.disconnect();
        await audit.record(operatorOf(context), 'station.disconnect', {
          type: 'station',
          id: serial,
        });
        return state;
      },
      'stations.log': async () => stations.logLines(),
      'stations.send': async ({ line }, context) => {
        const [name = '', ...args] = line.split(',');
        const operator = operatorOf(context);
        const subject = { type: 'station', id: stations.serial };
        try {
          const fields = await stations.command(name, args);
          await audit.record(operator, 'station.command', subject, { line, ok: true });
          return { fields };
        } catch (error) {
          const code = error instanceof ConsoleApiError ? error.code : 'internal';
          await audit.record(operator, 'station.command', subject, {
            line,
            ok: false,
            error: code,
          });
          throw error;
        }
      },
      'stations.rfTest': ({ action, level }) => stations.rfTest(action === 'start', level),
      'commissioning.start': ({ clientId }, context) =>
        commissioning.start(clientId, operatorOf(context)),
      'commissioning.step': (input, context) => commissioning.step(input, operatorOf(context)),
      'commissioning.sign': ({ reportId }, context) =>
        commissioning.sign(reportId, operatorOf(context)),
      'commissioning.get': ({ reportId }, context) =>
        commissioning.get(reportId, operatorOf(context)),
      'commissioning.list': async (filter, context) => {
        const subject = filter.clientId ?? filter.stationSerial ?? 'all';
        await audit.viewed(operatorOf(context), 'commissioning-reports', subject);
        return store.run((s) => s.listReports(filter));
      },
      'commissioning.pdf': async ({ reportId }, context) => {
        const operator = operatorOf(context);
        const report = await store.run((s) => s.reportById(reportId));
        if (!report)
          throw new ConsoleApiError('not_found', `No report ${reportId}`, 'reportId', {
            what: 'report',
          });
        const document = await commissioningPdf(report, o.settings().language);
        await audit.record(
          operator,
          'commissioning.export',
          { type: 'commissioning-report', id: reportId },
          { sha256: document.sha256, format: 'pdf' },
        );
        return document;
      },
      'devices.list': async (_input, context) => {
        await audit.viewed(operatorOf(context), 'devices', 'all');
        return store.run((s) => s.deviceRows());
      },
    },
    start: () => o.receiver?.start(),
    close: async () => {
      await o.receiver?.close();
      await stations.close();
    },
  };
}
