// web/src/components/radar-chart.tsx — SVG technology radar: rings adopt/trial/assess/hold, a sector per quadrant. Layer: web.
export const RINGS = ["adopt", "trial", "assess", "hold"] as const;
export type Blip = { slug: string; name: string; quadrant: string; ring: string };

const SIZE = 400;
const C = SIZE / 2;
const COLORS = ["#1b5e20", "#0d47a1", "#6a1b9a", "#b71c1c", "#8a4b00", "#00695c", "#37474f", "#ad1457"];

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

export function RadarChart({ blips }: { blips: Blip[] }) {
  // One sector per quadrant (the pattern's category) present, at least four so the chart reads as a radar.
  const quadrants = [...new Set(blips.map((b) => b.quadrant))].sort();
  const span = (Math.PI * 2) / Math.max(quadrants.length, 4);
  const ringR = (i: number) => ((i + 1) / RINGS.length) * (C - 10);
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="radar-title" class="radar">
      <title id="radar-title">
        Radar: {blips.map((b) => `${b.name} — ${b.ring}`).join("; ") || "no ratings yet"}
      </title>
      {RINGS.map((ring, i) => (
        <g key={ring}>
          <circle cx={C} cy={C} r={ringR(RINGS.length - 1 - i)} class={`ring ring-${RINGS.length - 1 - i}`} />
        </g>
      ))}
      {RINGS.map((ring, i) => (
        <text key={ring} x={C + 4} y={C - ringR(i) + 14} class="ring-label">{ring}</text>
      ))}
      {quadrants.map((q, i) => {
        const a = i * span;
        return (
          <g key={q}>
            <line x1={C} y1={C} x2={C + Math.cos(a) * (C - 10)} y2={C + Math.sin(a) * (C - 10)} class="axis" />
            <text x={C + Math.cos(a + span / 2) * (C - 40)} y={C + Math.sin(a + span / 2) * (C - 40)}
              class="quadrant-label" fill={COLORS[i % COLORS.length]}
              text-anchor={Math.cos(a + span / 2) > 0.3 ? "end" : Math.cos(a + span / 2) < -0.3 ? "start" : "middle"}>{q}</text>
          </g>
        );
      })}
      {blips.map((b) => {
        const qi = quadrants.indexOf(b.quadrant);
        const ri = RINGS.indexOf(b.ring as (typeof RINGS)[number]);
        if (qi < 0 || ri < 0) return null;
        const h = hash(b.slug);
        const inner = ri === 0 ? 12 : ringR(ri - 1) + 8;
        const r = inner + (h % 100) / 100 * (ringR(ri) - inner - 8);
        const a = qi * span + 0.15 + ((h >>> 8) % 100) / 100 * (span - 0.3);
        return (
          <a key={b.slug} href={`#/patterns/${b.slug}`} aria-label={`${b.name}: ${b.ring}`}>
            <circle cx={C + Math.cos(a) * r} cy={C + Math.sin(a) * r} r="6" fill={COLORS[qi % COLORS.length]} class="blip">
              <title>{`${b.name} (${b.ring})`}</title>
            </circle>
          </a>
        );
      })}
    </svg>
  );
}
