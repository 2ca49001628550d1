import { useMemo, useState } from 'react';
import type { Client, Zone, ZoneGeometry } from '../../../../shared/central/records';
import type { ZoneDraft } from '../../../../shared/domain/zones';
import { zoneProblems, type ZoneProblem } from '../../../../shared/zones/validate';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import type { DrawShape } from './ZoneDrawing';

/** The draft before its area is drawn. */
export type DraftInProgress = Omit<ZoneDraft, 'geometry'> & { geometry: ZoneGeometry | null };

/** What became of a saved draft: waiting in the outbox, refused (with the zone as it stands), or at the service. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'saved' }
  | { kind: 'refused'; reason: string; current: Zone | null };

/** The size a new zone starts with around the home: a house and its yard. */
const HOME_RADIUS_M = 100;

export function draftOf(zone: Zone): DraftInProgress {
  const { id, version, updatedAt: _updatedAt, ...fields } = zone;
  return { ...fields, zoneId: id, expectedVersion: version };
}

function newDraft(client: Client): DraftInProgress {
  return {
    clientId: client.id,
    appliesTo: [],
    kind: 'exclusion',
    name: '',
    geometry: null,
    bufferM: 0,
    schedule: null,
  };
}

/**
 * One zone in the editor: the draft, what is wrong with it (the same checks the core makes, shown
 * before anything is sent), the shape being drawn, and the fate of the save in the outbox.
 */
export function useZoneEditor(client: Client, zone: Zone | null) {
  const [draft, setDraft] = useState<DraftInProgress>(() =>
    zone ? draftOf(zone) : newDraft(client),
  );
  const [drawing, setDrawing] = useState<DrawShape | null>(zone ? null : 'circle');
  const [queuedId, setQueuedId] = useState<number | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);

  const problems = useMemo<ZoneProblem[]>(() => {
    if (draft.geometry === null)
      return [{ field: 'geometry', code: 'geometry_missing', values: {} }];
    return zoneProblems({ ...draft, geometry: draft.geometry });
  }, [draft]);

  // The outbox lists what is pending or refused; a queued item no longer there was delivered.
  const outbox = useLive(() => api.outbox.list({}), ['outbox.changed'], [queuedId]);
  const saveState = useMemo<SaveState>(() => {
    if (queuedId === null || !outbox.value) return { kind: queuedId === null ? 'idle' : 'sending' };
    const item = outbox.value.items.find((i) => i.id === queuedId);
    if (!item) return { kind: 'saved' };
    if (item.state === 'pending') return { kind: 'sending' };
    const current = (item.refusal?.current ?? null) as Zone | null;
    return { kind: 'refused', reason: item.refusal?.message ?? item.lastError ?? '', current };
  }, [queuedId, outbox.value]);

  const update = (patch: Partial<DraftInProgress>) => setDraft((d) => ({ ...d, ...patch }));

  return {
    draft,
    update,
    problems,
    drawing,
    draw: (shape: DrawShape | null) => setDrawing(shape),
    drawn: (geometry: ZoneGeometry) => {
      setDrawing(null);
      update({ geometry });
    },
    aroundHome: () => {
      if (!client.home) return;
      const centre: [number, number] = [client.home.lon, client.home.lat];
      setDrawing(null);
      setDraft((d) => ({
        ...d,
        geometry:
          d.geometry?.type === 'Circle'
            ? { ...d.geometry, center: centre }
            : { type: 'Circle', center: centre, radiusM: HOME_RADIUS_M },
      }));
    },
    saveState,
    saveError,
    save: async () => {
      if (problems.length > 0 || draft.geometry === null) return;
      try {
        setSaveError(null);
        const queued = await api.zones.save({ ...draft, geometry: draft.geometry });
        setQueuedId(queued.id);
      } catch (error) {
        setSaveError(error);
      }
    },
    remove: async () => {
      if (!draft.zoneId || draft.expectedVersion === undefined) return;
      try {
        const queued = await api.zones.delete({
          zoneId: draft.zoneId,
          expectedVersion: draft.expectedVersion,
        });
        setQueuedId(queued.id);
      } catch (error) {
        setSaveError(error);
      }
    },
    /** After a refusal: the draft again, from the zone as the service now has it. */
    restartFrom: (current: Zone) => {
      setQueuedId(null);
      setDraft(draftOf(current));
    },
  };
}
export type ZoneEditorState = ReturnType<typeof useZoneEditor>;
