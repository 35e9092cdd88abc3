// web/src/screens/feeds_corrections.tsx — hand corrections of an article's extracted insights (engine
// corrections win over every re-derivation). Layer: web.
import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { describe } from "./decisions_model";

const KIND = "architecture.insights";
type Item = { statement?: string; stance?: string | null; evidence?: string };
type Derived = { capture_id: string; value: { claims?: Item[]; trade_offs?: Item[] }; corrected_paths: string[] };

export function Corrections({ articleId, onSaved }: { articleId: string; onSaved: () => void }) {
  const [derived, setDerived] = useState<Derived | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");

  const load = async () => {
    // One capture per text (deduplicated across kinds); its derivations of each kind hang off it.
    const cap = await rest().from("captures").select("id").eq("metadata->>article_id", articleId)
      .order("created_at", { ascending: false }).limit(1);
    const captureId = (cap.data as { id: string }[] | null)?.[0]?.id;
    if (!captureId) return setDerived(null);
    const dv = await rest().from("derived_values").select("capture_id,value,corrected_paths")
      .eq("capture_id", captureId).eq("kind", KIND).maybeSingle();
    if (dv.error) return setError(describe(dv.error));
    setDerived(dv.data as Derived | null);
  };
  useEffect(() => { void load(); }, [articleId]);
  if (!derived) return null;

  const save = async (path: string) => {
    setError(""); setNotice("");
    const { error } = await rest().rpc("correct_derivation",
      { capture_id: derived.capture_id, kind: KIND, field_path: path, value: draft });
    if (error) return setError(describe(error));
    setEditing(null);
    setNotice("Correction saved.");
    await load();
    onSaved();
  };
  const rows: [string, Item][] = [
    ...(derived.value.claims ?? []).map((c, i): [string, Item] => [`claims.${i}.statement`, c]),
    ...(derived.value.trade_offs ?? []).map((t, i): [string, Item] => [`trade_offs.${i}.statement`, t]),
  ];
  if (rows.length === 0) return null;
  return (
    <details class="corrections">
      <summary>Correct the extracted statements</summary>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      <ul>
        {rows.map(([path, item]) => (
          <li key={path}>
            {editing === path ? (
              <form onSubmit={(e) => { e.preventDefault(); void save(path); }}>
                <label>Corrected statement
                  <textarea rows={3} value={draft} required onInput={(e) => setDraft(e.currentTarget.value)} /></label>
                <button type="submit">Save correction</button>
                <button type="button" onClick={() => setEditing(null)}>Cancel</button>
              </form>
            ) : (
              <span>{item.statement}
                {derived.corrected_paths.includes(path) && <span class="badge"> corrected</span>}{" "}
                <button type="button" class="small" aria-label={`Correct: ${item.statement ?? path}`}
                  onClick={() => { setEditing(path); setDraft(item.statement ?? ""); }}>Correct</button></span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
