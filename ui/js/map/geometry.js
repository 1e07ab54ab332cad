// World geometry: Natural Earth 1:50m from world-atlas, keyed on the ISO
// numeric id as zero-padded text, with the data's known traps handled.

/** Features that must not be keyed on their id. */
const NOT_THE_COUNTRY = {
  // Ashmore and Cartier Islands share Australia's id 036 in world-atlas.
  '036': (name) => name !== 'Australia',
};

/**
 * Turns world-atlas features into map items. Pure: no DOM, no fetch.
 * @param features GeoJSON features (topojson.feature(...).features)
 * @param numericToAlpha3 {"004": "AFG", ...}
 */
export function keyFeatures(features, numericToAlpha3) {
  return features.map((f) => {
    const name = (f.properties && f.properties.name) || 'Unnamed area';
    let numeric = f.id === undefined || f.id === null ? null : String(f.id).padStart(3, '0');
    if (numeric && NOT_THE_COUNTRY[numeric] && NOT_THE_COUNTRY[numeric](name)) numeric = null;
    const iso3 = numeric ? numericToAlpha3[numeric] || null : null;
    return { feature: f, name, numeric, iso3 };
  });
}

/**
 * The projected map made at build time by scripts/vendor-ui.mjs (keyFeatures
 * applied there): { width, height, disputed, countries: [{ name,
 * numeric, iso3, d, area, centroid }] }. A module, not a fetch: the CSP allows
 * scripts from the app and no connection but the IPC.
 */
export async function loadWorld() {
  const { default: world } = await import('../../vendor/world-map.js');
  return world;
}
