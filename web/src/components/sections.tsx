// web/src/components/sections.tsx — renders a pattern page's list-shaped sections (strings or {name, description}). Layer: web.
function Item({ value }: { value: unknown }) {
  if (value == null) return null;
  if (typeof value !== "object") return <>{String(value)}</>;
  const o = value as Record<string, unknown>;
  const head = o.name ?? o.title ?? o.label ?? o.stack;
  const rest = Object.entries(o).filter(([k, v]) => !["name", "title", "label", "stack"].includes(k) && v != null);
  const url = typeof o.url === "string" ? o.url : null;
  return (
    <>
      {head != null && (url ? <a href={url} rel="noreferrer">{String(head)}</a> : <strong>{String(head)}</strong>)}
      {rest.filter(([k]) => k !== "url").map(([k, v]) => (
        <span key={k}> {Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v)}</span>
      ))}
    </>
  );
}

export function Section({ title, items }: { title: string; items: unknown }) {
  const list = Array.isArray(items) ? items : [];
  if (list.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul>{list.map((v, i) => <li key={i}><Item value={v} /></li>)}</ul>
    </section>
  );
}
