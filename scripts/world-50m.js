// Writes Natural Earth's 1:50m land and country borders (from the npm package world-atlas, TopoJSON)
// as the compact binary file the hub's local map previews read (src/Hub/Platform/Maps/world-50m.bin).
// Run once when the base map should change:
//   npm install world-atlas@2.0.2 topojson-client@3.1.0 && node scripts/world-50m.js > src/Hub/Platform/Maps/world-50m.bin
// Format (read by Platform/Maps/RegionMap.cs): the bytes "NE50", then two sections, land rings and
// border lines. Each section is a count, then per line its point count and its points; every number is
// a zigzag LEB128 varint, and a point is the difference in hundredths of a degree (longitude, then
// latitude) from the previous point of the same line (the first from 0, 0). A hundredth of a degree is
// about a kilometre, finer than the 1:50m data itself. Land rings that cross the antimeridian are
// unwrapped (their longitudes run on past ±180), so they can be drawn in one piece.
const { feature, mesh } = require('topojson-client');
const landTopo = require('world-atlas/land-50m.json');
const countries = require('world-atlas/countries-50m.json');

const land = feature(landTopo, landTopo.objects.land);
const polygons = (land.features || [land]).flatMap(f =>
  f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]);
const rings = polygons.flat();
// Borders between two countries only (a coastline is already the land's edge).
const borders = mesh(countries, countries.objects.countries, (a, b) => a !== b).coordinates;

const unwrapped = require('./antimeridian').unwrap;

const bytes = [];
function varint(v) {
  let z = v >= 0 ? v * 2 : -v * 2 - 1;
  while (z >= 0x80) { bytes.push((z & 0x7f) | 0x80); z = Math.floor(z / 128); }
  bytes.push(z);
}
function section(lines) {
  const kept = [];
  for (const line of lines) {
    const points = [];
    for (const [lon, lat] of unwrapped(line)) {
      const p = [Math.round(lon * 100), Math.round(lat * 100)];
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    if (points.length >= 2) kept.push(points);
  }
  varint(kept.length);
  for (const points of kept) {
    varint(points.length);
    let px = 0, py = 0;
    for (const [x, y] of points) { varint(x - px); varint(y - py); px = x; py = y; }
  }
}
bytes.push(...Buffer.from('NE50'));
section(rings);
section(borders);
process.stdout.write(Buffer.from(bytes));
