// How the map's canvas paints one country outline: its fill and border from
// the marks on its SVG path (role, signed, share class, highlighted) and the
// map's mode. Pure. The SVG paths above the canvas are transparent: they take
// the pointer, the keyboard and the hover, focus and selection strokes.

/** The palette's names in the stylesheet (:root, light and dark). */
export const PALETTE_VARIABLES = {
  none: '--map-none',
  border: '--map-border',
  participant: '--map-participant',
  host: '--map-host',
  signed: '--map-signed',
  outline: '--map-outline',
  unreported: '--map-unreported',
  rowNoShare: '--map-row-no-share',
  highlighted: '--host',
  share0: '--share-0',
  share1: '--share-1',
  share2: '--share-2',
  share3: '--share-3',
  share4: '--share-4',
  share5: '--share-5',
};

/** The palette as the page's styles define it now (the system's theme). */
export function readPalette(root = document.documentElement) {
  const style = getComputedStyle(root);
  const palette = {};
  for (const [name, variable] of Object.entries(PALETTE_VARIABLES)) palette[name] = style.getPropertyValue(variable).trim();
  return palette;
}

/**
 * { fill, stroke, width, dash } for a country: `marks` are its path's
 * dataset ({ role, signed, shareClass, highlighted }), `mode` 'participation'
 * or 'mineral', `k` the zoom. Widths and dashes are in screen px.
 */
export function countryPaint(marks, mode, palette, k = 1) {
  const attending = marks.role === 'participant' || marks.role === 'host';
  let fill;
  if (marks.highlighted) fill = palette.highlighted;
  else if (mode === 'mineral') fill = shareFill(marks.shareClass, palette);
  else if (marks.signed === 'true') fill = palette.signed;
  else if (marks.role === 'host') fill = palette.host;
  else if (marks.role === 'participant') fill = palette.participant;
  else fill = palette.none;
  // Borders thin out as the map zooms in, so small neighbours stay readable.
  let stroke = palette.border;
  let width = 0.4 / k;
  let dash = null;
  if (mode === 'mineral' && attending) {
    stroke = palette.outline;
    width = 0.9;
  }
  if (mode === 'mineral' && marks.shareClass === 'row') {
    // A USGS row without a share: a dashed outline, not colour alone.
    stroke = palette.outline;
    dash = [2, 1.5];
  }
  return { fill, stroke, width, dash };
}

function shareFill(shareClass, palette) {
  if (shareClass === 'row') return palette.rowNoShare;
  if (shareClass !== undefined && shareClass !== '' && palette[`share${shareClass}`]) return palette[`share${shareClass}`];
  return palette.unreported;
}
