// web/src/screens/catalog.tsx — pattern catalog: list, full-text search with highlighted snippets and facets. Layer: web.
import { useState } from "preact/hooks";
import { must, rest } from "../api";
import { ErrorBox, Loading } from "../components/error-box";
import { Highlight } from "../components/highlight";
import { useLoad } from "../components/use-load";

type Hit = { source: string; ref_id: string; slug: string | null; title: string; title_highlight: string; snippet: string;
  category: string | null; complexity: number | null; team_size: string | null };
type Facet = { value: string | number; count: number };
type Result = { total: number; hits: Hit[]; facets: Record<string, unknown> };
type Filters = { category?: string; complexity?: number; team_size?: string; source?: string };

function facetList(raw: unknown): Facet[] {
  if (Array.isArray(raw)) return raw.map((f: any) => ({ value: f.value ?? f.key ?? f.name, count: f.count ?? f.n }));
  if (raw && typeof raw === "object") return Object.entries(raw).map(([value, count]) => ({ value, count: Number(count) }));
  return [];
}

function hitHref(h: Hit): string {
  if (h.source === "pattern") return `#/patterns/${h.slug}`;
  if (h.source === "decision") return `#/decisions/${h.ref_id}`;
  if (h.source === "article") return `#/articles/${h.ref_id}`;
  return "#/";
}

function Results({ q, filters, setFilters }: { q: string; filters: Filters; setFilters: (f: Filters) => void }) {
  const { data, error, loading } = useLoad<Result>(async () => must(await rest().rpc("architecture_search", {
    q, sources: filters.source ? [filters.source] : null, category: filters.category ?? null,
    complexity: filters.complexity ?? null, team_size: filters.team_size ?? null, limit: 30,
  })), [q, JSON.stringify(filters)]);
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <div class="with-aside">
      <aside aria-label="Facets">
        {Object.entries(data.facets ?? {}).map(([name, raw]) => (
          <fieldset key={name}>
            <legend>{name.replace("_", " ")}</legend>
            {facetList(raw).map((f) => {
              const key = name as keyof Filters;
              const on = String(filters[key] ?? "") === String(f.value);
              const value = key === "complexity" ? Number(f.value) : String(f.value);
              return (
                <label key={String(f.value)} class="facet">
                  <input type="checkbox" checked={on}
                    onChange={() => setFilters({ ...filters, [key]: on ? undefined : value })} />
                  {String(f.value)} <span class="count">({f.count})</span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </aside>
      <section aria-live="polite">
        <p>{data.total} results for “{q}”</p>
        <ol class="hits">
          {data.hits.map((h) => (
            <li key={h.source + h.ref_id}>
              <a href={hitHref(h)}><Highlight text={h.title_highlight || h.title} /></a>
              <span class="tag">{h.source}</span>
              <p class="snippet"><Highlight text={h.snippet} /></p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function AllPatterns() {
  const { data, error } = useLoad(async () => must(await rest().from("architecture_patterns")
    .select("slug,name,category,complexity,team_size,summary,ring").order("name")), []);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <ul class="cards">
      {(data as any[]).map((p) => (
        <li key={p.slug}>
          <a href={`#/patterns/${p.slug}`}>{p.name}</a>
          <span class="tag">{p.category}</span>{p.ring && <span class={`tag ring-${p.ring}`}>{p.ring}</span>}
          <p>{p.summary}</p>
        </li>
      ))}
    </ul>
  );
}

export function CatalogScreen(_: { id?: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<Filters>({});
  return (
    <section>
      <h1>Pattern catalog</h1>
      <form role="search" class="row" onSubmit={(e) => { e.preventDefault(); setFilters({}); setQ(text.trim()); }}>
        <label>
          Search patterns
          <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {q ? <Results q={q} filters={filters} setFilters={setFilters} /> : <AllPatterns />}
    </section>
  );
}
