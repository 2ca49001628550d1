import type L from 'leaflet';
import type { Client, Zone } from '../../../../shared/central/records';
import { useMapPalette } from '../map/map-palette';
import { useZoneEditor } from './use-zone-editor';
import { ZoneDrawing } from './ZoneDrawing';
import { ZoneEditor } from './ZoneEditor';

/** One zone being made or changed: its panel and its shape on the map, sharing one draft. */
export function ZoneEditSession({
  map,
  client,
  zone,
  now,
  search,
  nameOf,
  onClose,
}: {
  map: L.Map;
  client: Client;
  zone: Zone | null;
  now: number;
  search(query: string): { id: string; name: string; caseNumber: string }[];
  nameOf(clientId: string): string;
  onClose(): void;
}) {
  const palette = useMapPalette();
  const editor = useZoneEditor(client, zone);
  return (
    <>
      <ZoneDrawing
        map={map}
        geometry={editor.draft.geometry}
        drawing={editor.drawing}
        color={palette.zone[editor.draft.kind]}
        home={client.home}
        onGeometry={editor.drawn}
      />
      <ZoneEditor
        client={client}
        zone={zone}
        editor={editor}
        now={now}
        search={search}
        nameOf={nameOf}
        onClose={onClose}
      />
    </>
  );
}
