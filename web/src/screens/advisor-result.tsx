// web/src/screens/advisor-result.tsx — renders an advisor result: flavour, mechanisms, patterns, fired rules. Layer: web.
function Because({ because }: { because: Record<string, unknown> }) {
  const entries = Object.entries(because ?? {});
  if (!entries.length) return null;
  return <span class="because"> (because {entries.map(([k, v]) => `${k.replace(/_/g, " ")} = ${v}`).join(", ")})</span>;
}

export function Recommendation({ result }: { result: any }) {
  return (
    <div class="stack">
      <section class="panel" aria-labelledby="flavour-h">
        <h2 id="flavour-h">Recommendation: {result.flavour?.name} (flavour {result.flavour?.number})</h2>
        <p>{result.flavour?.summary}</p>
        <p><strong>Why:</strong> {result.flavour?.reason}</p>
        {result.stopped_at && <p>Stopped at rule {String(result.stopped_at)}.</p>}
      </section>
      {result.mechanisms?.length > 0 && (
        <section>
          <h2>Mechanisms to add</h2>
          <ul>{result.mechanisms.map((m: any) => (
            <li key={m.mechanism}><strong>{m.mechanism.replace(/_/g, " ")}</strong>: {m.reason}<Because because={m.because} /></li>
          ))}</ul>
        </section>
      )}
      {result.patterns?.length > 0 && (
        <section>
          <h2>Patterns</h2>
          <ul>{result.patterns.map((p: any, i: number) => {
            const slug = typeof p === "string" ? p : p.slug;
            return <li key={i}><a href={`#/patterns/${slug}`}>{typeof p === "string" ? p : p.name ?? slug}</a>{p.reason && `: ${p.reason}`}</li>;
          })}</ul>
        </section>
      )}
      <section>
        <h2>Reasons</h2>
        <ol>{(result.fired ?? []).map((f: any) => (
          <li key={f.rule}>{f.reason}<Because because={f.because} /> <span class="source">— {f.source}</span></li>
        ))}</ol>
      </section>
    </div>
  );
}
