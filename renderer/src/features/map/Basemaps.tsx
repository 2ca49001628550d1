import { useConsole } from '../../app/console-context';
import { OfflineBasemap } from './OfflineBasemap';
import { PmtilesBase } from './PmtilesBase';
import { TileBase } from './TileBase';

/**
 * The basemaps Settings call for, bottom up: the bundled offline one always (it is what stays when
 * the others fail), a local PMTiles file and a tile server if set.
 */
export function Basemaps() {
  const { settings } = useConsole();
  return (
    <>
      <OfflineBasemap />
      {settings.pmtilesPath && (
        <PmtilesBase key={settings.pmtilesPath} path={settings.pmtilesPath} />
      )}
      {settings.tileUrl && (
        <TileBase
          key={settings.tileUrl}
          url={settings.tileUrl}
          attribution={settings.tileAttribution}
          subdomains={settings.tileSubdomains}
        />
      )}
    </>
  );
}
