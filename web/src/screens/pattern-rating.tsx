// web/src/screens/pattern-rating.tsx — the tenant's radar ring for a pattern: rate it, see its history. Layer: web.
import { useState } from "preact/hooks";
import { must, rest } from "../api";
import { ErrorBox } from "../components/error-box";
import { RINGS } from "../components/radar-chart";
import { useLoad } from "../components/use-load";

export function RatingPanel({ pattern, onRated }: { pattern: any; onRated: () => void }) {
  const [ring, setRing] = useState<string>(pattern.ring ?? "assess");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState("");
  const history = useLoad(async () => must(await rest().from("architecture_radar_history")
    .select("id,previous_ring,ring,reason,note,created_at").eq("pattern_id", pattern.id).order("created_at", { ascending: false })),
  [pattern.id, pattern.ring]);

  async function rate(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      must(await rest().rpc("architecture_rate_pattern", { slug: pattern.slug, ring, reason }));
      setSaved(`Rated ${ring}`);
      setReason("");
      onRated();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section class="panel" aria-labelledby="rating-h">
      <h2 id="rating-h">Radar rating</h2>
      <p>Current ring: <strong class={`tag ring-${pattern.ring}`}>{pattern.ring ?? "not rated"}</strong> {pattern.ring_note}</p>
      <form class="row" onSubmit={rate}>
        <label>Ring
          <select value={ring} onChange={(e) => setRing((e.target as HTMLSelectElement).value)}>
            {RINGS.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label>Reason
          <input value={reason} required onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Rate</button>
      </form>
      <p role="status">{saved}</p>
      <ErrorBox error={error} />
      {(history.data as any[] | null)?.length ? (
        <table>
          <caption>Rating history</caption>
          <thead><tr><th scope="col">When</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {(history.data as any[]).map((h) => (
              <tr key={h.id}>
                <td>{new Date(h.created_at).toLocaleString()}</td><td>{h.previous_ring ?? "—"}</td><td>{h.ring}</td><td>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
