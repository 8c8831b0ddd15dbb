// Draws Natural Earth's 1:110m land (from the npm package world-atlas, TopoJSON) as one SVG path in
// the network map's projection, and prints it. Run once when the base map should change:
//   npm install world-atlas@2.0.2 topojson-client@3.1.0 && node scripts/world-land-110m.js > land.path
// then put the path into src/Hub/Features/Congregations/Map/world-land-110m.svg.
// Equirectangular: 1000 units for 360 degrees of longitude, latitude 84 N at y = 0 and 60 S at y = 400
// (WorldMap.cs projects points with the same numbers). Points are kept to half a unit and written as
// relative moves, which keeps the file near 25 kB; Antarctica, below the frame, is left out.
const topo = require('world-atlas/land-110m.json');
const { feature } = require('topojson-client');
const land = feature(topo, topo.objects.land);
const polygons = land.features
  ? land.features.flatMap(f => f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates])
  : land.geometry.coordinates;
const W = 1000, TOP = 84, BOTTOM = -60, S = 2;
const x = lon => Math.round((lon + 180) / 360 * W * S);
const y = lat => Math.round((TOP - Math.max(lat, BOTTOM)) / 360 * W * S);
const f = v => (v / S).toString().replace(/^0\./, '.').replace(/^-0\./, '-.');
// A ring that crosses the antimeridian (Chukotka, Fiji) jumps from one edge to the other, which
// would draw a line across the world: unwrap it so it runs on past the edge, and draw it once more
// from the other side; the SVG's frame cuts off what lies outside.
function unwrapped(ring) {
  const out = require('./antimeridian').unwrap(ring);
  const lons = out.map(p => p[0]);
  const copies = [out];
  if (Math.min(...lons) < -180) copies.push(out.map(([l, a]) => [l + 360, a]));
  if (Math.max(...lons) > 180) copies.push(out.map(([l, a]) => [l - 360, a]));
  return copies;
}
const parts = [];
for (const polygon of polygons) for (const original of polygon) for (const ring of unwrapped(original)) {
  if (Math.max(...ring.map(p => p[1])) < BOTTOM + 4) continue;
  let d = '', px = null, py = null, n = 0;
  for (const [lon, lat] of ring) {
    const X = x(lon), Y = y(lat);
    if (X === px && Y === py) continue;
    if (n === 0) d += 'M' + f(X) + ' ' + f(Y);
    else {
      const dx = f(X - px), dy = f(Y - py);
      d += (n === 1 ? 'l' : (dx.startsWith('-') ? '' : ' ')) + dx + (dy.startsWith('-') ? '' : ' ') + dy;
    }
    px = X; py = Y; n++;
  }
  if (n >= 3) parts.push(d + 'z');
}
process.stdout.write(parts.join(''));
