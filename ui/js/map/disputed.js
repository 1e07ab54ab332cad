// Natural Earth draws de facto lines: in Kashmir the Line of Control is drawn
// as an ordinary border. The map marks the whole disputed region instead.
// The outline is approximate (hand-drawn here), shown dashed and labelled.

export const KASHMIR = {
  type: 'Feature',
  properties: { name: 'Jammu and Kashmir (disputed)' },
  geometry: {
    type: 'Polygon',
    coordinates: [[
      [73.45, 33.05], [72.6, 34.3], [73.1, 35.3], [72.5, 36.4], [74.5, 37.05], [75.8, 36.95],
      [77.8, 35.55], [79.5, 35.6], [80.35, 35.2], [79.4, 34.0], [78.8, 32.6], [77.3, 32.6],
      [75.9, 32.3], [74.6, 32.5], [73.45, 33.05],
    ]],
  },
};

export const BOUNDARY_NOTE =
  'Boundaries from Natural Earth (1:50m), which draws de facto lines; they are not authoritative. ' +
  'Jammu and Kashmir is disputed: the dashed outline marks the region (approximate), and the Line of Control inside it is not an agreed border.';
