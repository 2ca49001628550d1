// The page `npm run bench:map` opens in headless Chromium. It draws the clients a feed sends over
// a WebSocket either with the console's own layer (mode=canvas: ClientIndex + ClientLayer, the
// code the live map runs) or naively (mode=naive: one react-leaflet <Marker> per client), and
// records frame times (requestAnimationFrame deltas) and update latency (message received → the
// frame that draws it).
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MapContainer, Marker, useMap } from 'react-leaflet';
import type { FixTuple, MapClient } from '../../../shared/domain/map';
import { ClientIndex } from '../../../renderer/src/features/map/client-index';
import { ClientLayer } from '../../../renderer/src/features/map/client-layer';
import type { BenchMessage, BenchResult } from './bench-protocol';

declare global {
  interface Window {
    benchReady?: boolean;
    benchResult?: BenchResult;
  }
}

const params = new URLSearchParams(window.location.search);
const mode = params.get('mode') === 'naive' ? 'naive' : 'canvas';
const VIEWS: Record<string, { center: L.LatLngTuple; zoom: number }> = {
  overview: { center: [56.88, 24.6], zoom: 7 },
  city: { center: [56.95, 24.11], zoom: 14 },
};
const view = VIEWS[params.get('view') ?? 'overview'] ?? VIEWS.overview!;

/** What every mode records; `drawn` settles the updates received since the last frame drawn. */
const record = {
  frames: [] as number[],
  updates: [] as number[],
  pending: [] as number[],
  measuring: false,
  ending: false,
  drawn(at: number): void {
    if (this.measuring) for (const received of this.pending) this.updates.push(at - received);
    this.pending = [];
    if (this.ending) this.finish();
  },
  /** Ends the measurement; a page still behind first draws what it has received. */
  end(): void {
    this.ending = true;
    if (this.pending.length === 0) this.finish();
  },
  finish(): void {
    this.measuring = false;
    window.benchResult = { frames: this.frames, updates: this.updates };
  },
};

function frameLoop(): void {
  let last = performance.now();
  const tick = (at: number): void => {
    if (record.measuring) record.frames.push(at - last);
    last = at;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The feed: the clients first, then batches of fixes until the bench says `end`. */
function connect(onClients: (c: MapClient[]) => void, onFixes: (f: FixTuple[]) => void): void {
  const socket = new WebSocket(params.get('ws')!);
  socket.onmessage = (event: MessageEvent<string>) => {
    const received = performance.now();
    const message = JSON.parse(event.data) as BenchMessage;
    if (message.kind === 'clients') onClients(message.clients);
    else if (message.kind === 'start') record.measuring = true;
    else if (message.kind === 'end') record.end();
    else {
      record.pending.push(received);
      onFixes(message.fixes);
    }
  };
}

/** The console's way: one index updated in place, one canvas layer redrawn once per frame. */
function CanvasClients() {
  const map = useMap();
  useEffect(() => {
    const index = new ClientIndex();
    const layer = new ClientLayer(index);
    layer.onDrawn = (at) => record.drawn(at);
    layer.addTo(map);
    connect(
      (clients) => {
        index.load(clients, []);
        layer.redraw();
        window.benchReady = true;
      },
      (fixes) => {
        if (index.applyFixes(fixes) > 0) layer.redraw();
      },
    );
  }, [map]);
  return null;
}

const naiveIcon = L.divIcon({ className: 'naive-marker', iconSize: [10, 10] });

/** The baseline: the obvious React way, one <Marker> per client re-rendered from state. */
function NaiveClients() {
  const [clients, setClients] = useState<{ id: string; position: L.LatLngTuple }[]>([]);
  useEffect(() => {
    connect(
      (loaded) =>
        setClients(
          loaded
            .filter((client) => client.fix)
            .map((client) => ({ id: client.id, position: [client.fix![1], client.fix![2]] })),
        ),
      (fixes) =>
        setClients((held) => {
          const moved = new Map(fixes.map((fix) => [fix[0], fix]));
          return held.map((client) => {
            const fix = moved.get(client.id);
            return fix ? { id: client.id, position: [fix[1], fix[2]] } : client;
          });
        }),
    );
  }, []);
  useEffect(() => {
    if (clients.length > 0) window.benchReady = true;
    requestAnimationFrame((at) => record.drawn(at));
  }, [clients]);
  return (
    <>
      {clients.map((client) => (
        <Marker key={client.id} position={client.position} icon={naiveIcon} />
      ))}
    </>
  );
}

frameLoop();
createRoot(document.getElementById('root')!).render(
  <MapContainer center={view.center} zoom={view.zoom} className="map" preferCanvas>
    {mode === 'canvas' ? <CanvasClients /> : <NaiveClients />}
  </MapContainer>,
);
