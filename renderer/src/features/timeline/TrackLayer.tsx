import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { TrackColumns } from '../../../../shared/domain/timeline';
import { COLOUR_STEPS, timeColour } from '../../../../shared/timeline/colour';
import { decimateTrack, undecimatedTrack } from './decimate';

/**
 * `localStorage['sargs.trackDrawing'] = 'every-fix'` draws every fix at every zoom: the slow way,
 * kept as the baseline `npm run bench:timeline` measures the decimated drawing against.
 */
const everyFix = () => window.localStorage.getItem('sargs.trackDrawing') === 'every-fix';

/**
 * The track on one canvas, coloured from blue (first fix) to red (last), broken at every gap,
 * redrawn decimated for each zoom (every fix stays in the list and the exports). Marks
 * `timeline-draw-start` and `timeline-drawn` in the page's performance timeline around each drawing.
 */
export function TrackLayer({ track }: { track: TrackColumns }) {
  const map = useMap();
  useEffect(() => {
    const renderer = L.canvas({ padding: 0.2 });
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      performance.mark('timeline-draw-start');
      group.clearLayers();
      const runs = everyFix() ? undecimatedTrack(track) : decimateTrack(track, map.getZoom());
      for (const run of runs)
        L.polyline(run.points, {
          renderer,
          color: timeColour(run.step / (COLOUR_STEPS - 1)),
          weight: 3,
          smoothFactor: 0,
          interactive: false,
        }).addTo(group);
      // Leaflet paints its canvas on the next frame: the mark is set once it has.
      requestAnimationFrame(() =>
        performance.mark('timeline-drawn', {
          detail: { runs: runs.length, points: runs.reduce((n, r) => n + r.points.length, 0) },
        }),
      );
    };
    draw();
    map.on('zoomend', draw);
    return () => {
      map.off('zoomend', draw);
      group.remove();
    };
  }, [map, track]);
  return null;
}
