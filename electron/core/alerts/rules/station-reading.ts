import type { StationEventCode } from '../../../../shared/stations/sentences';

export type { StationEventCode };

/**
 * What a base station or receiver tells the console that may matter for alerts, already parsed
 * and checksum-checked (base-station protocol v1: SBE events, SBS status, SBH tag heartbeats).
 */
export type StationReading =
  | { kind: 'event'; stationId: string; at: string; code: StationEventCode; tagId: string | null }
  | {
      kind: 'status';
      stationId: string;
      at: string;
      mains: boolean;
      batteryPct: number;
      caseOpen: boolean;
    }
  | {
      kind: 'heartbeat';
      stationId: string;
      at: string;
      tagId: string;
      tagBatteryPct: number;
      strap: 'OK' | 'OPEN' | 'CUT';
    };
