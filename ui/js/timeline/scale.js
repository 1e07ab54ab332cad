// A linear time scale and tick choice for the timeline. Pure functions;
// times are milliseconds since the epoch, labels are in an IANA zone.

const HOUR = 3600e3;
const DAY = 24 * HOUR;

export function linearScale(domain, range) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = (t) => r0 + (t - d0) * k;
  scale.invert = (x) => d0 + (x - r0) / k;
  scale.domain = () => [d0, d1];
  return scale;
}

/** Tick step for a visible span: months for the arc, hours for a day. */
export function tickStep(spanMs) {
  if (spanMs > 120 * DAY) return { unit: 'month', every: 1 };
  if (spanMs > 40 * DAY) return { unit: 'week', every: 1 };
  if (spanMs > 6 * DAY) return { unit: 'day', every: 1 };
  if (spanMs > 2.5 * DAY) return { unit: 'hour', every: 12 };
  if (spanMs > DAY) return { unit: 'hour', every: 6 };
  return { unit: 'hour', every: 2 };
}

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const formatters = new Map();
function formatter(kind, timeZone) {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options = {
      parts: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      month: { month: 'short', year: 'numeric' },
      day: { day: 'numeric', month: 'short' },
    }[kind];
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(ms, timeZone) {
  const p = Object.fromEntries(formatter('parts', timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute };
}

/**
 * A tick's place in a count from a fixed origin (the zone's calendar from
 * 1970) and how many of its ticks make the next unit up (`cycle`): what
 * `labelsThatFit` thins by.
 */
function count(unit, every, p) {
  const day = Date.UTC(p.year, p.month - 1, p.day) / DAY;
  if (unit === 'month') return { ordinal: p.year * 12 + p.month - 1, cycle: 12 };
  if (unit === 'week') return { ordinal: Math.floor(day / 7), cycle: 1 };
  if (unit === 'day') return { ordinal: day, cycle: 7 };
  return { ordinal: (day * 24 + p.hour) / every, cycle: 24 / every };
}

/** Tick instants in [t0, t1], aligned to the zone's calendar, with labels. */
export function ticks(t0, t1, timeZone) {
  const { unit, every } = tickStep(t1 - t0);
  const out = [];
  // Walk hour by hour (or day by day) from the start and keep boundary instants.
  const stride = unit === 'hour' ? HOUR : DAY / 4;
  const first = Math.floor(t0 / HOUR) * HOUR;
  let lastKey = null;
  for (let t = first; t <= t1 && out.length < 400; t += stride) {
    const p = zonedParts(t, timeZone);
    let key = null;
    let label = null;
    if (unit === 'month' && p.day === 1 && p.hour < 6) {
      key = `${p.year}-${p.month}`;
      label = formatter('month', timeZone).format(new Date(t));
    } else if (unit === 'week' && p.hour < 6 && new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() === 1) {
      key = `${p.year}-${p.month}-${p.day}`;
      label = formatter('day', timeZone).format(new Date(t));
    } else if (unit === 'day' && p.hour < 6) {
      key = `${p.year}-${p.month}-${p.day}`;
      label = formatter('day', timeZone).format(new Date(t));
    } else if (unit === 'hour' && p.minute === 0 && p.hour % every === 0) {
      key = `${p.year}-${p.month}-${p.day}-${p.hour}`;
      label = p.hour === 0
        ? formatter('day', timeZone).format(new Date(t))
        : `${String(p.hour).padStart(2, '0')}:00`;
    }
    // Snap to the boundary (local midnight) when the stride overshot it.
    const at = unit === 'hour' ? t : t - p.hour * HOUR - p.minute * 60e3;
    if (key && key !== lastKey && at >= t0) {
      out.push({ t: at, label, major: unit !== 'hour' || p.hour === 0, ...count(unit, every, p) });
      lastKey = key;
    }
  }
  return out;
}

/**
 * Which tick labels to show at pixel positions `xs` (one per tick of
 * `ticks`): every label when they fit, else every n-th counted from a fixed
 * origin (the tick's `ordinal`), so a pan keeps the same ones and a
 * day's midnight or a year's January is among them. n divides the ticks'
 * `cycle` (a day's hours, a year's months) or is a multiple of it. A label
 * needs its text, estimated at `charPx` a character, and `gapPx`.
 */
export function labelsThatFit(shown, xs, charPx = 7, gapPx = 10) {
  if (shown.length < 2) return shown.map(() => true);
  const need = Math.max(...shown.map((t) => t.label.length)) * charPx + gapPx;
  let closest = Infinity;
  for (let i = 1; i < xs.length; i += 1) closest = Math.min(closest, xs[i] - xs[i - 1]);
  const cycle = shown[0].cycle || 1;
  let every = 1;
  // (Bounded: ticks at one x, which the calendar never gives, would loop for ever.)
  while (every * closest < need && every < shown.length) every = nextStride(every, cycle);
  return shown.map((t) => t.ordinal % every === 0);
}

/** The stride after `n`: the next divisor of `cycle`, then multiples of it. */
function nextStride(n, cycle) {
  for (let d = n + 1; d <= cycle; d += 1) if (cycle % d === 0) return d;
  return (Math.floor(n / cycle) + 1) * cycle;
}

/** Greedy lanes: each item goes in the first lane free at its start. */
export function assignLanes(items, gap = 4) {
  const ends = [];
  return items.map((item) => {
    let lane = ends.findIndex((end) => end + gap <= item.x0);
    if (lane === -1) {
      lane = ends.length;
      ends.push(item.x1);
    } else {
      ends[lane] = item.x1;
    }
    return lane;
  });
}
