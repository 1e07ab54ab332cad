// A panel's citations grouped by source: the backend lists each (source,
// what it supports, status) once per fact; a reader wants each source once,
// with what it supports here. Pure: no DOM.

/**
 * [{ ...source, uses: [{ supports, status }] }], sources in the order first
 * cited, uses in the order given, a repeated use kept once.
 * @param cited [{ id, url, publisher, title, kind, supports, status, ... }]
 */
export function groupSources(cited) {
  const groups = new Map();
  for (const c of cited || []) {
    const { supports, status, ...source } = c;
    if (!groups.has(source.id)) groups.set(source.id, { ...source, uses: [] });
    const uses = groups.get(source.id).uses;
    if (supports !== undefined && !uses.some((u) => u.supports === supports && u.status === status)) uses.push({ supports, status });
  }
  return [...groups.values()];
}
