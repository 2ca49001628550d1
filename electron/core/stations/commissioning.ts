import { randomBytes } from 'node:crypto';
import { ConsoleApiError } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/central/records';
import {
  commissioningSteps,
  type CommissioningReport,
  type CommissioningStep,
  type CommissioningStepInput,
} from '../../../shared/domain/commissioning';
import type { Settings } from '../../../shared/domain/settings';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { Clock } from '../runtime/clock';
import { runStep } from './commissioning-steps';
import type { StationsService } from './stations-service';

export interface CommissioningOptions {
  store: StoreService;
  stations: StationsService;
  audit: AuditTrail;
  settings: () => Settings;
  clock: Clock;
  /** How long the range step listens for the paired tags (tests shorten it). */
  rangeListenMs?: number;
}

const newReportId = (at: Date) =>
  `CR-${at.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;

/**
 * The commissioning wizard's work in the core: a draft report per station and client, each step
 * done against the attached station and saved as it ends, so a failure (or a closed console)
 * resumes at the step that failed. Signing freezes the report.
 */
export class Commissioning {
  constructor(private readonly o: CommissioningOptions) {}

  /** Carries on with this station's draft for the client, or starts one. */
  async start(clientId: string, operator: Operator): Promise<CommissioningReport> {
    const serial = await this.stationSerial();
    const existing = await this.o.store.run((s) => s.openDraft(serial, clientId));
    if (existing) return existing;
    const detail = await this.o.store.run((s) => s.clientDetail(clientId));
    if (!detail)
      throw new ConsoleApiError('not_found', `No client ${clientId}`, 'clientId', {
        what: 'client',
      });
    const now = this.o.clock();
    const report: CommissioningReport = {
      id: newReportId(now),
      state: 'draft',
      stationSerial: serial,
      clientId,
      clientName: detail.client.displayName,
      homeAddress: detail.client.home?.address ?? null,
      technicianId: operator.id,
      technicianName: operator.name,
      startedAt: now.toISOString(),
      signedAt: null,
      steps: Object.fromEntries(
        commissioningSteps.map((step) => [step, { done: false, at: null, error: null }]),
      ) as CommissioningReport['steps'],
      identity: null,
      checks: [],
      clockSetTo: null,
      config: null,
      tags: [],
      range: null,
      home: null,
    };
    await this.o.store.run((s) => s.saveReport(report));
    await this.o.audit.record(
      operator,
      'commissioning.start',
      { type: 'station', id: serial },
      {
        reportId: report.id,
        clientId,
      },
    );
    return report;
  }

  async step(input: CommissioningStepInput, operator: Operator): Promise<CommissioningReport> {
    const report = await this.draft(input.reportId);
    const serial = await this.stationSerial();
    if (serial !== report.stationSerial)
      throw new ConsoleApiError(
        'conflict',
        `This report is for station ${report.stationSerial}; ${serial} is connected`,
        'reportId',
        { what: 'station', expected: report.stationSerial, actual: serial },
      );
    const at = this.o.clock().toISOString();
    const record = async (next: CommissioningReport, error: ReturnType<typeof describe> | null) => {
      await this.o.store.run((s) =>
        s.saveReport(withStep(next, input.step, { done: !error, at, error })),
      );
      await this.o.audit.record(
        operator,
        'commissioning.step',
        { type: 'station', id: serial },
        {
          reportId: report.id,
          step: input.step,
          ok: !error,
          ...(error ? { error: error.code } : {}),
        },
      );
      return withStep(next, input.step, { done: !error, at, error });
    };
    let next: CommissioningReport;
    try {
      next = await runStep(input, report, {
        stations: this.o.stations,
        store: this.o.store,
        settings: this.o.settings(),
        clock: this.o.clock,
        rangeListenMs: this.o.rangeListenMs ?? 6000,
      });
    } catch (error) {
      // The failure is kept with the step: the wizard shows it and resumes there.
      await record(report, describe(error));
      throw error;
    }
    return record(next, null);
  }

  /** Signs a draft whose every step is done and whose checks passed. */
  async sign(reportId: string, operator: Operator): Promise<CommissioningReport> {
    const report = await this.draft(reportId);
    const missing = commissioningSteps.filter((step) => !report.steps[step].done);
    if (missing.length > 0)
      throw new ConsoleApiError('conflict', `Steps not done: ${missing.join(', ')}`, 'reportId', {
        what: 'steps',
        steps: missing.join(', '),
      });
    const failed = report.checks.filter((check) => !check.pass).map((check) => check.name);
    if (failed.length > 0)
      throw new ConsoleApiError('conflict', `Checks failed: ${failed.join(', ')}`, 'reportId', {
        what: 'checks',
        steps: failed.join(', '),
      });
    const signed: CommissioningReport = {
      ...report,
      state: 'signed',
      signedAt: this.o.clock().toISOString(),
      technicianId: operator.id,
      technicianName: operator.name,
    };
    await this.o.store.run((s) => s.saveReport(signed));
    await this.o.audit.record(
      operator,
      'commissioning.sign',
      {
        type: 'station',
        id: report.stationSerial,
      },
      { reportId, clientId: report.clientId, tags: report.tags.map((t) => t.tagId) },
    );
    return signed;
  }

  async get(reportId: string, operator: Operator): Promise<CommissioningReport> {
    const report = await this.o.store.run((s) => s.reportById(reportId));
    if (!report)
      throw new ConsoleApiError('not_found', `No report ${reportId}`, 'reportId', {
        what: 'report',
      });
    await this.o.audit.viewed(operator, 'commissioning-report', reportId);
    return report;
  }

  private async draft(reportId: string): Promise<CommissioningReport> {
    const report = await this.o.store.run((s) => s.reportById(reportId));
    if (!report)
      throw new ConsoleApiError('not_found', `No report ${reportId}`, 'reportId', {
        what: 'report',
      });
    if (report.state === 'signed')
      throw new ConsoleApiError('conflict', `Report ${reportId} is already signed`, 'reportId', {
        what: 'signed',
      });
    return report;
  }

  private async stationSerial(): Promise<string> {
    if (this.o.stations.serial) return this.o.stations.serial;
    const fields = await this.o.stations.command('GETINFO');
    const serial = fields[1];
    if (!serial)
      throw new ConsoleApiError('station_not_connected', 'The station did not say who it is');
    return serial;
  }
}

function withStep(
  report: CommissioningReport,
  step: CommissioningStep,
  state: CommissioningReport['steps'][CommissioningStep],
): CommissioningReport {
  return { ...report, steps: { ...report.steps, [step]: state } };
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof ConsoleApiError)
    return { code: String(error.params?.stationCode ?? error.code), message: error.message };
  return { code: 'internal', message: (error as Error).message };
}
