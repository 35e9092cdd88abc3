// web/src/screens/radar.tsx — the tenant radar: SVG chart plus the same blips as an accessible table. Layer: web.
import { must, rest } from "../api";
import { ErrorBox, Loading } from "../components/error-box";
import { RadarChart, RINGS, type Blip } from "../components/radar-chart";
import { useLoad } from "../components/use-load";

export function RadarScreen(_: { id?: string }) {
  const { data, error } = useLoad(async () =>
    must(await rest().from("architecture_radar").select("slug,name,quadrant,ring,previous_ring,note,rated_at").order("name")), []);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const blips = data as (Blip & { previous_ring: string | null; note: string; rated_at: string })[];
  return (
    <section>
      <h1>Tenant radar</h1>
      {blips.length === 0 && <p>No pattern rated yet: open a pattern and give it a ring.</p>}
      <div class="radar-wrap"><RadarChart blips={blips} /></div>
      <table>
        <caption>Ratings by ring</caption>
        <thead><tr><th scope="col">Ring</th><th scope="col">Pattern</th><th scope="col">Quadrant</th><th scope="col">Moved from</th></tr></thead>
        <tbody>
          {RINGS.flatMap((ring) => blips.filter((b) => b.ring === ring).map((b) => (
            <tr key={b.slug}>
              <td><span class={`tag ring-${ring}`}>{ring}</span></td>
              <td><a href={`#/patterns/${b.slug}`}>{b.name}</a></td><td>{b.quadrant}</td><td>{b.previous_ring ?? "new"}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </section>
  );
}
