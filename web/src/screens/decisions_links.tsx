// web/src/screens/decisions_links.tsx — an ADR's typed links in both directions; add and remove. Layer: web.
import { useEffect, useState } from "preact/hooks";
import { navigate, rest } from "../api";
import { describe, type Decision } from "./decisions_model";

type Relation = {
  link_id: string; direction: "outgoing" | "incoming"; kind: string; label: string;
  other_decision_id: string | null; other_ref: string | null; other_title: string | null; other_status: string | null;
  pattern_id: string | null; article_id: string | null; scope_note: string | null;
};
type Option = { id: string; label: string };

const RECORD_KINDS = ["supersedes", "amends", "extends", "relates_to", "depends_on", "conflicts_with"];

export function DecisionLinks({ decision, onChange }: { decision: Decision; onChange: () => void }) {
  const [relations, setRelations] = useState<Relation[]>([]);
  const [records, setRecords] = useState<Option[]>([]);
  const [patterns, setPatterns] = useState<Option[]>([]);
  const [articles, setArticles] = useState<Option[]>([]);
  const [kind, setKind] = useState("relates_to");
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");

  const load = async () => {
    const { data, error } = await rest().from("architecture_decision_relations").select("*")
      .eq("decision_id", decision.id).order("created_at");
    if (error) setError(describe(error));
    else setRelations(data as Relation[]);
  };
  useEffect(() => {
    void load();
    void rest().from("architecture_decisions").select("id,ref,title").neq("id", decision.id).order("number")
      .then(({ data }) => setRecords(((data ?? []) as { id: string; ref: string; title: string }[])
        .map((d) => ({ id: d.id, label: `${d.ref}: ${d.title}` }))));
    void rest().from("architecture_patterns").select("id,name").order("name").limit(1000)
      .then(({ data }) => setPatterns(((data ?? []) as { id: string; name: string }[])
        .map((p) => ({ id: p.id, label: p.name }))));
    void rest().from("architecture_articles").select("id,title").order("received_at", { ascending: false }).limit(200)
      .then(({ data }) => setArticles(((data ?? []) as { id: string; title: string | null }[])
        .map((a) => ({ id: a.id, label: a.title ?? "(untitled)" }))));
  }, [decision.id, decision.version]);

  const options = kind === "relies_on" ? patterns : kind === "cites" ? articles : records;
  const targetArg = kind === "relies_on" ? "pattern_id" : kind === "cites" ? "article_id" : "target_id";
  const add = async (e: Event) => {
    e.preventDefault();
    setError("");
    const args: Record<string, unknown> = { id: decision.id, kind, scope_note: note || null };
    args[targetArg] = target;
    const { error } = await rest().rpc("architecture_decision_link", args);
    if (error) return setError(describe(error));
    setTarget(""); setNote("");
    await load();
    onChange();
  };
  const remove = async (linkId: string) => {
    const { error } = await rest().rpc("architecture_decision_unlink", { link_id: linkId });
    if (error) return setError(describe(error));
    await load();
    onChange();
  };
  const patternName = (id: string | null) => patterns.find((p) => p.id === id)?.label ?? id;

  return (
    <section aria-labelledby="links-h">
      <h2 id="links-h">Links</h2>
      {error && <p role="alert" class="error">{error}</p>}
      {relations.length === 0 ? <p>No links.</p> : (
        <ul class="links">
          {relations.map((r) => (
            <li key={`${r.link_id}-${r.direction}`}>
              <span class="badge">{r.label.replace(/_/g, " ")}</span>{" "}
              {r.other_decision_id ? (
                <a href={`#/decisions/${r.other_decision_id}`}
                  onClick={(e) => { e.preventDefault(); navigate(`/decisions/${r.other_decision_id}`); }}>
                  {r.other_ref}: {r.other_title}</a>
              ) : r.pattern_id ? <span>pattern {patternName(r.pattern_id)}</span>
                : r.article_id ? <a href={`#/articles/${r.article_id}`}
                  onClick={(e) => { e.preventDefault(); navigate(`/articles/${r.article_id}`); }}>
                  {articles.find((a) => a.id === r.article_id)?.label ?? "article"}</a> : null}
              {r.other_status && <span> ({r.other_status})</span>}
              {r.scope_note && <span> — {r.scope_note}</span>}
              {r.direction === "outgoing" &&
                <button type="button" class="small" aria-label={`Remove ${r.label.replace(/_/g, " ")} link${r.other_ref ? ` to ${r.other_ref}` : ""}`}
                  onClick={() => remove(r.link_id)}>Remove</button>}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="inline-form">
        <label>Link kind
          <select value={kind} onChange={(e) => { setKind(e.currentTarget.value); setTarget(""); }}>
            {[...RECORD_KINDS, "relies_on", "cites"].map((k) => <option value={k}>{k.replace(/_/g, " ")}</option>)}
          </select>
        </label>
        <label>{kind === "relies_on" ? "Pattern" : kind === "cites" ? "Article" : "Record"}
          <select value={target} required onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">choose…</option>
            {options.map((o) => <option value={o.id}>{o.label}</option>)}
          </select>
        </label>
        <label>Scope note <input value={note} onInput={(e) => setNote(e.currentTarget.value)} /></label>
        <button type="submit">Add link</button>
      </form>
    </section>
  );
}
