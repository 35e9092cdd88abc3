// web/src/screens/pattern.tsx — one pattern: sections, related, decision matrix, radar rating, articles, decisions. Layer: web.
import { must, rest } from "../api";
import { ErrorBox, Loading, NotFound } from "../components/error-box";
import { Section } from "../components/sections";
import { useLoad } from "../components/use-load";
import { PatternArticles } from "./pattern-articles";
import { RatingPanel } from "./pattern-rating";

type Link = { name: string; slug: string | null; label?: string };

function Related({ links, title }: { links: Link[] | null; title: string }) {
  if (!links?.length) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul class="inline">
        {links.map((l) => <li key={l.name}>{l.slug ? <a href={`#/patterns/${l.slug}`}>{l.name}</a> : l.name}</li>)}
      </ul>
    </section>
  );
}

export function PatternScreen({ id }: { id?: string }) {
  const { data: p, error, loading, reload } = useLoad(async () =>
    must(await rest().from("architecture_pattern_pages").select("*").eq("slug", id ?? "").maybeSingle()), [id]);
  if (error) return <ErrorBox error={error} />;
  if (!p) return loading ? <Loading /> : <NotFound what={`pattern “${id}”`} />;
  const page = p as any;
  return (
    <article class="pattern">
      <h1>{page.name}</h1>
      <p class="meta">
        <span class="tag">{page.category}</span> complexity {page.complexity}/5 · team {page.team_size} · revision{" "}
        {page.revision} {page.scope === "tenant" && <span class="tag">custom</span>}
      </p>
      <p class="lead">{page.summary}</p>
      {page.also_known_as?.length > 0 && <p>Also known as: {page.also_known_as.join(", ")}</p>}
      <RatingPanel pattern={page} onRated={reload} />
      {page.overview && <section><h2>Overview</h2><p class="prose">{page.overview}</p></section>}
      <Section title="When to use" items={page.when_to_use} />
      <Section title="When not to use" items={page.when_not_to_use} />
      <Section title="Key components" items={page.key_components} />
      <Section title="Pros" items={page.pros} />
      <Section title="Cons" items={page.cons} />
      <Section title="Tech stacks" items={page.tech_stacks} />
      <Section title="Real-world examples" items={page.real_world_examples} />
      {page.decision_matrix?.length > 0 && (
        <section>
          <h2>Decision matrix</h2>
          <table>
            <thead><tr><th scope="col">Versus</th><th scope="col">When to choose which</th></tr></thead>
            <tbody>
              {page.decision_matrix.map((row: any, i: number) => (
                <tr key={i}>
                  <th scope="row">{row.versus_slug ? <a href={`#/patterns/${row.versus_slug}`}>{row.versus}</a> : row.versus}</th>
                  <td>{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Related links={page.related} title="Related patterns" />
      <Related links={page.related_from} title="Referenced by" />
      <PatternArticles patternId={page.id} />
      <Section title="References" items={page.references} />
    </article>
  );
}
