// The map's drawing size (viewBox units), shared by the build-time projection
// (scripts/vendor-ui.mjs) and the page.
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
