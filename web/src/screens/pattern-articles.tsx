// web/src/screens/pattern-articles.tsx — articles discussing a pattern (verified quotes) and decisions relying on it. Layer: web.
import { must, rest } from "../api";
import { ErrorBox } from "../components/error-box";
import { useLoad } from "../components/use-load";

export function PatternArticles({ patternId }: { patternId: string }) {
  const { data, error } = useLoad(async () => {
    const [articles, decisions] = await Promise.all([
      rest().from("architecture_pattern_backlinks").select("*").eq("pattern_id", patternId).order("article_date", { ascending: false }),
      rest().from("architecture_decisions_by_pattern").select("*").eq("pattern_id", patternId).order("number"),
    ]);
    return { articles: must(articles) as any[], decisions: must(decisions) as any[] };
  }, [patternId]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return null;
  return (
    <>
      <section>
        <h2>Articles discussing it</h2>
        {data.articles.length === 0 ? <p>No articles mention this pattern yet.</p> : (
          <ul>
            {data.articles.map((a) => (
              <li key={a.article_id}>
                <a href={`#/articles/${a.article_id}`}>{a.article_title}</a> {a.verified && <span class="tag ok">verified</span>}
                {(Array.isArray(a.evidence) ? a.evidence : []).slice(0, 2).map((ev: any, i: number) => (
                  <blockquote key={i}><mark>{ev.quote ?? String(ev)}</mark></blockquote>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>Decisions relying on it</h2>
        {data.decisions.length === 0 ? <p>None.</p> : (
          <ul>
            {data.decisions.map((d) => (
              <li key={d.decision_id}><a href={`#/decisions/${d.decision_id}`}>{d.ref} {d.title}</a> <span class="tag">{d.status}</span></li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
