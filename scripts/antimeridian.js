// Shared by the base-map scripts (world-land-110m.js, world-50m.js): a line that crosses the
// antimeridian jumps from one edge of the world to the other, which would draw a stroke across it.
// Unwrapped, its longitudes run on past ±180 instead, so it can be drawn in one piece.
exports.unwrap = function unwrap(line) {
  const out = [];
  for (const [lon, lat] of line) {
    let l = lon;
    if (out.length) {
      const prev = out[out.length - 1][0];
      while (l - prev > 180) l -= 360;
      while (prev - l > 180) l += 360;
    }
    out.push([l, lat]);
  }
  return out;
};
