// web/src/screens/feeds.tsx — feed subscriptions (subscribe, status, errors) and the article list. Layer: web.
import { useEffect, useState } from "preact/hooks";
import { navigate, rest } from "../api";
import { describe } from "./decisions_model";
import { ProgressPanel, useProgress } from "./feeds_progress";

export { ArticleScreen } from "./feeds_article";

type Subscription = {
  id: string; url: string; title: string; status: string; last_checked_at: string | null;
  last_success_at: string | null; next_check_at: string | null; last_http_status: number | null;
  error_count: number; last_error: string | null; last_error_code: string | null; last_error_at: string | null;
};
type ArticleRow = {
  id: string; title: string | null; feed_title: string | null; published_at: string | null; received_at: string;
  interpreted: boolean;
};

const when = (t: string | null) => (t ? new Date(t).toLocaleString() : "never");

export function FeedsScreen() {
  const [subs, setSubs] = useState<Subscription[] | null>(null);
  const [articles, setArticles] = useState<ArticleRow[]>([]);
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");

  const load = async () => {
    const [s, a] = await Promise.all([
      rest().from("architecture_feed_subscriptions").select("*").order("created_at"),
      rest().from("architecture_articles").select("id,title,feed_title,published_at,received_at,interpreted")
        .eq("kind", "feed").order("received_at", { ascending: false }).limit(100),
    ]);
    if (s.error || a.error) return setError(describe(s.error ?? a.error));
    setSubs(s.data as Subscription[]);
    setArticles(a.data as ArticleRow[]);
  };
  useEffect(() => { void load(); }, []);
  const recent = (t: string) => Date.now() - new Date(t).getTime() < 10 * 60 * 1000;
  const pending = (subs ?? []).some((s) => !s.last_checked_at)
    || articles.some((a) => !a.interpreted && recent(a.received_at));
  const progress = useProgress(load, pending);

  const subscribe = async (e: Event) => {
    e.preventDefault();
    setError(""); setNotice("");
    const { error } = await rest().rpc("architecture_feed_subscribe", { url, title: title || null }).single();
    if (error) return setError(describe(error));
    setUrl(""); setTitle("");
    setNotice("Subscribed: the first fetch is queued.");
    await load();
  };
  const unsubscribe = async (s: Subscription) => {
    if (!window.confirm(`Unsubscribe from ${s.title}? Its articles disappear from this workspace.`)) return;
    const { error } = await rest().rpc("architecture_feed_unsubscribe", { id: s.id });
    if (error) return setError(describe(error));
    await load();
  };

  return (
    <section aria-labelledby="feeds-h">
      <h1 id="feeds-h">Feeds</h1>
      <form onSubmit={subscribe} class="inline-form">
        <label>Feed URL <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <label>Title (optional) <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
        <button type="submit">Subscribe</button>
      </form>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {subs === null ? <p>Loading…</p> : subs.length === 0 ? <p>No subscriptions yet.</p> : (
        <ul class="cards" aria-label="Subscriptions" style={{ listStyle: "none", padding: 0 }}>
          {subs.map((s) => (
            <li key={s.id} class={s.error_count > 0 ? "card has-error" : "card"}>
              <h3>{s.title}</h3>
              <p class="small" style={{ overflowWrap: "anywhere" }}>{s.url}</p>
              <dl>
                <dt>Status</dt>
                <dd><span class={`badge feed-${s.status}`}>{s.last_checked_at ? s.status : "waiting for first fetch"}</span>
                  {s.last_http_status !== null && ` (HTTP ${s.last_http_status})`}</dd>
                <dt>Checked</dt><dd>{when(s.last_checked_at)}; next {when(s.next_check_at)}</dd>
                <dt>Errors</dt>
                <dd>{s.error_count === 0 ? "none" : (
                  <span><strong>{s.error_count} error(s)</strong>; last: {s.last_error_code ? `${s.last_error_code}: ` : ""}
                    {s.last_error} ({when(s.last_error_at)})</span>
                )}</dd>
              </dl>
              <button type="button" onClick={() => unsubscribe(s)} aria-label={`Unsubscribe from ${s.title}`}>
                Unsubscribe</button>
            </li>
          ))}
        </ul>
      )}
      <ProgressPanel progress={progress} />
      <section aria-labelledby="articles-h">
        <h2 id="articles-h">Articles ({articles.length})</h2>
        <ul class="articles">
          {articles.map((a) => (
            <li key={a.id}>
              <a href={`#/articles/${a.id}`} onClick={(e) => { e.preventDefault(); navigate(`/articles/${a.id}`); }}>
                {a.title ?? "(untitled)"}</a>
              <span class="small"> — {a.feed_title ?? "feed"}, {when(a.published_at ?? a.received_at)}</span>
              {!a.interpreted && <span class="badge"> extracting…</span>}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
