import { initial } from './0001-initial';
import { outboxSeen } from './0002-outbox-seen';
import { alertAttention } from './0003-alert-attention';
import { stations } from './0004-stations';
import { journalSearch } from './0005-journal-search';
import { zoneVersions } from './0006-zone-versions';
import { victimUnits } from './0007-victim-units';
import { sharedSuppressions } from './0008-shared-suppressions';
import { zoneCachedAt } from './0009-zone-cached-at';
import { trackDays } from './0010-track-days';
import type { Migration } from '../migration-type';

/** Every migration, oldest first. A new one is a new file here; old ones never change. */
export const migrations: readonly Migration[] = [
  initial,
  outboxSeen,
  alertAttention,
  stations,
  journalSearch,
  zoneVersions,
  victimUnits,
  sharedSuppressions,
  zoneCachedAt,
  trackDays,
];

export const LATEST_VERSION = migrations.length;
