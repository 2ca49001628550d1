import type { Zone, ZoneVersion } from '../../../shared/central/records';

/** Every version of every zone the service has held (central API 1.1 `zone_history`). */
export class ZoneHistory {
  private readonly versions = new Map<string, ZoneVersion[]>();

  /** A zone's new version takes effect at its updatedAt and ends the one before. */
  changed(zone: Zone): void {
    const list = this.versions.get(zone.id) ?? [];
    const last = list.at(-1);
    if (last && last.validTo === null) last.validTo = zone.updatedAt;
    list.push({ ...zone, validFrom: zone.updatedAt, validTo: null });
    this.versions.set(zone.id, list);
  }

  deleted(id: string, at: string): void {
    const last = this.versions.get(id)?.at(-1);
    if (last && last.validTo === null) last.validTo = at;
  }

  /** Oldest first; empty for a zone the service never had. */
  of(id: string): ZoneVersion[] {
    return (this.versions.get(id) ?? []).map((version) => ({ ...version }));
  }
}
