import type { Settings } from '../../../shared/domain/settings';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { EventBus } from '../events/event-bus';
import type { CoreModule } from '../module';
import type { SettingsStore } from './settings-store';

type SettingsOperation =
  'settings.display' | 'settings.get' | 'settings.set' | 'settings.setCentre';

/** Each changed field with its value before and after, for the audit entry. */
function changes(
  before: Settings,
  after: Settings,
): Record<string, { old: unknown; new: unknown }> {
  const changed: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changed[key] = { old: before[key], new: after[key] };
  }
  return changed;
}

/**
 * Settings, split by who may change them (the permission table): an operator's own (language,
 * theme, trail) and the centre's (service, basemaps, retention, targets, idle lock), the latter
 * for administrators. Every change is audited with the old and new values.
 */
export function settingsModule(
  settings: SettingsStore,
  events: EventBus,
  audit: AuditTrail,
): CoreModule<SettingsOperation> {
  const apply = async (
    patch: Partial<Settings>,
    action: string,
    operator: Parameters<AuditTrail['record']>[0],
  ): Promise<Settings> => {
    const before = settings.get();
    const next = settings.set(patch);
    const changed = changes(before, next);
    if (Object.keys(changed).length > 0) {
      await audit.record(operator, action, null, { changes: changed });
      events.emit('settings.changed', next);
    }
    return next;
  };
  return {
    name: 'settings',
    handlers: {
      'settings.display': () => {
        const { language, theme } = settings.get();
        return { language, theme };
      },
      'settings.get': () => settings.get(),
      'settings.set': (patch, context) => apply(patch, 'settings.set', operatorOf(context)),
      'settings.setCentre': (patch, context) =>
        apply(patch, 'settings.set_centre', operatorOf(context)),
    },
  };
}
