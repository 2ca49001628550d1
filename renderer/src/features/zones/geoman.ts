import L from 'leaflet';

// leaflet-geoman extends the global `L` when it loads (it is built as a script, not a module):
// this module runs first, so the plug-in finds the same Leaflet the map uses.
(globalThis as unknown as { L: typeof L }).L = L;
