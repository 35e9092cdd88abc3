// web/src/screens/feeds_article.tsx — one article: text with verified quotes highlighted, the patterns it
// discusses, its insights (verified vs needs_review) and corrections of the extracted insights. Layer: web.
import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { describe } from "./decisions_model";
import { HighlightedText, locate, type Span } from "./feeds_highlight";
import { ProgressPanel, useProgress } from "./feeds_progress";
import { Corrections } from "./feeds_corrections";

type Article = {
  id: string; title: string | null; url: string | null; text: string | null; feed_title: string | null;
  author: string | null; published_at: string | null; received_at: string; interpreted: boolean;
};
export type Claim = {
  id: string; kind: string; pattern_slug: string | null; stance: string | null; statement: string;
  quote: string | null; quote_start: number | null; quote_end: number | null; verification: string; ord: number;
};
type Evidence = { quote?: string; start?: number | null; end?: number | null; status?: string; match?: string };
type PatternLink = {
  id: string; pattern_slug: string; pattern_name: string; source: string; stance: string | null;
  mention_count: number | null; evidence: Evidence[]; verified: boolean;
};

function focusMark(id: string) {
  const mark = document.getElementById(id);
  mark?.scrollIntoView({ block: "center" });
  mark?.focus();
}

const UNVERIFIED = new Set(["fuzzy", "none", "needs_review", "not_found"]);

export function ArticleScreen({ id }: { id?: string }) {
  const [article, setArticle] = useState<Article | null | undefined>(undefined);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [patterns, setPatterns] = useState<PatternLink[]>([]);
  const [error, setError] = useState("");

  const load = async () => {
    if (!id) return;
    const [a, c, p] = await Promise.all([
      rest().from("architecture_articles")
        .select("id,title,url,text,feed_title,author,published_at,received_at,interpreted").eq("id", id).maybeSingle(),
      rest().from("architecture_article_claims").select("*").eq("article_id", id).order("ord"),
      rest().from("architecture_article_patterns").select("*").eq("article_id", id).order("pattern_name"),
    ]);
    const failed = a.error ?? c.error ?? p.error;
    if (failed) return setError(describe(failed));
    setArticle(a.data as Article | null);
    setClaims(c.data as Claim[]);
    setPatterns(p.data as PatternLink[]);
  };
  useEffect(() => { setArticle(undefined); void load(); }, [id]);
  const progress = useProgress(load, article ? !article.interpreted : false);

  if (article === undefined) return <p>{error || "Loading…"}</p>;
  if (article === null) return <section><h1>Not found</h1><p>No article with this id in this workspace.</p></section>;

  const text = article.text ?? "";
  const spans: Span[] = [];
  claims.forEach((c) => {
    if (c.verification !== "verified") return;
    const at = locate(text, c.quote, c.quote_start, c.quote_end);
    if (at) spans.push({ start: at[0], end: at[1], id: `claim-${c.id}`, label: `Evidence: ${c.statement}` });
  });
  patterns.forEach((p) => p.evidence.forEach((e, i) => {
    if (!p.verified || UNVERIFIED.has(e.status ?? e.match ?? "")) return;
    const at = locate(text, e.quote ?? null, e.start ?? null, e.end ?? null);
    if (at) spans.push({ start: at[0], end: at[1], id: `pattern-${p.id}-${i}`, label: `Mentions ${p.pattern_name}` });
  }));

  return (
    <article aria-labelledby="article-h" style={{ overflowWrap: "anywhere" }}>
      <h1 id="article-h">{article.title ?? "(untitled)"}</h1>
      <p class="small">
        {article.feed_title ?? "document"}{article.author ? `, ${article.author}` : ""},{" "}
        {new Date(article.published_at ?? article.received_at).toLocaleString()}
        {article.url && <> — <a href={article.url} rel="noopener noreferrer" target="_blank">original</a></>}
      </p>
      {error && <p role="alert" class="error">{error}</p>}
      {!article.interpreted && <ProgressPanel progress={progress} />}
      <section aria-labelledby="patterns-h">
        <h2 id="patterns-h">Patterns discussed</h2>
        {patterns.length === 0 ? <p>None found yet.</p> : (
          <ul>{patterns.map((p) => (
            <li key={p.id}>{p.pattern_name} <span class="small">({p.source}{p.stance ? `, ${p.stance}` : ""}
              {p.mention_count ? `, ${p.mention_count} mention(s)` : ""})</span>
              {!p.verified && <span class="badge warn"> needs review</span>}</li>
          ))}</ul>
        )}
      </section>
      <section aria-labelledby="insights-h">
        <h2 id="insights-h">Insights</h2>
        {claims.length === 0 ? <p>No insights extracted{article.interpreted ? "" : " yet"}.</p> : (
          <ul class="claims">{claims.map((c) => (
            <li key={c.id} class={c.verification === "verified" ? "verified" : "needs-review"}>
              <span class={`badge ${c.verification === "verified" ? "ok" : "warn"}`}>
                {c.verification === "verified" ? "verified" : "needs review"}</span>{" "}
              <strong>{c.kind === "trade_off" ? "Trade-off" : "Claim"}</strong>{c.stance ? ` (${c.stance})` : ""}
              {c.pattern_slug ? ` on ${c.pattern_slug}` : ""}: {c.statement}
              {c.quote && (c.verification === "verified"
                ? <div><button type="button" class="small" onClick={() => focusMark(`claim-${c.id}`)}>Show in the text</button>
                    {" "}“{c.quote}”</div>
                : <div class="small">Quote not found in the text, not evidence: “{c.quote}”</div>)}
            </li>
          ))}</ul>
        )}
        <Corrections articleId={article.id} onSaved={load} />
      </section>
      <section aria-labelledby="text-h">
        <h2 id="text-h">Text</h2>
        <p class="small">Highlighted: {spans.length} verified quote(s).</p>
        <HighlightedText text={text} spans={spans} />
      </section>
    </article>
  );
}
