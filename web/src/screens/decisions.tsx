// web/src/screens/decisions.tsx — ADR list (create, import) and the record editor with lifecycle. Layer: web.
import { useEffect, useState } from "preact/hooks";
import { navigate, rest } from "../api";
import { DecisionHistory } from "./decisions_history";
import { DecisionLinks } from "./decisions_links";
import { ExportLink, ImportForm } from "./decisions_markdown";
import {
  DECISION_COLUMNS, FIELDS, changedFields, describe, documentOf, formOf, list, merge,
  type Decision, type Form,
} from "./decisions_model";
import { Conflict } from "./decisions_conflict";
import { OptionFields } from "./decisions_options";

type Row = Pick<Decision, "id" | "ref" | "title" | "status" | "superseded_by" | "open_review_flags" | "updated_at">;

export function Link(props: { to: string; children: preact.ComponentChildren; class?: string }) {
  return (
    <a href={`#${props.to}`} class={props.class}
      onClick={(e) => { e.preventDefault(); navigate(props.to); }}>{props.children}</a>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{status}</span>;
}

export function DecisionsScreen() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState("");
  const [title, setTitle] = useState("");
  const [filter, setFilter] = useState("");

  const load = async () => {
    let q = rest().from("architecture_decisions")
      .select("id,ref,title,status,superseded_by,open_review_flags,updated_at").order("number");
    if (filter) q = q.eq("status", filter);
    const { data, error } = await q;
    if (error) setError(describe(error));
    else setRows(data as Row[]);
  };
  useEffect(() => { void load(); }, [filter]);

  const create = async (e: Event) => {
    e.preventDefault();
    const { data, error } = await rest().rpc("architecture_decision_create", { title }).single();
    if (error) return setError(describe(error));
    navigate(`/decisions/${(data as Decision).id}`);
  };

  return (
    <section aria-labelledby="decisions-h">
      <h1 id="decisions-h">Decision records</h1>
      <form onSubmit={create} class="inline-form">
        <label>New record title <input value={title} required onInput={(e) => setTitle(e.currentTarget.value)} /></label>
        <button type="submit">Create draft</button>
      </form>
      <label>Status
        <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
          <option value="">all</option>
          {["draft", "proposed", "accepted", "rejected", "withdrawn", "deprecated", "superseded"].map((s) =>
            <option value={s}>{s}</option>)}
        </select>
      </label>
      {error && <p role="alert" class="error">{error}</p>}
      {rows === null ? <p>Loading…</p> : rows.length === 0 ? <p>No decision records yet.</p> : (
        <div style={{ overflowX: "auto" }}><table class="list">
          <thead><tr><th scope="col">Record</th><th scope="col">Title</th><th scope="col">Status</th>
            <th scope="col">Updated</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/decisions/${r.id}`}>{r.ref}</Link></td>
                <td>{r.title}{r.open_review_flags > 0 && <span class="badge warn"> {r.open_review_flags} to review</span>}</td>
                <td><StatusBadge status={r.status} />
                  {r.superseded_by.length > 0 && <span> by {r.superseded_by.map((n) => `ADR-${String(n).padStart(4, "0")}`).join(", ")}</span>}
                </td>
                <td>{new Date(r.updated_at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <ImportForm onImported={load} />
    </section>
  );
}

async function fetchDecision(id: string): Promise<{ decision: Decision | null; error: string }> {
  const { data, error } = await rest().from("architecture_decisions").select(DECISION_COLUMNS).eq("id", id)
    .maybeSingle();
  if (error) return { decision: null, error: describe(error) };
  return { decision: data as Decision | null, error: "" };
}

export function DecisionScreen({ id }: { id?: string }) {
  const [base, setBase] = useState<Decision | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [theirs, setTheirs] = useState<Decision | null>(null);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState("");
  const [missing, setMissing] = useState(false);
  const [reason, setReason] = useState("");
  const [tick, setTick] = useState(0);

  const reload = async () => {
    if (!id) return;
    const got = await fetchDecision(id);
    if (got.error) return setError(got.error);
    if (!got.decision) return setMissing(true);
    setBase(got.decision);
    setForm(formOf(got.decision));
    setTick((t) => t + 1);
  };
  useEffect(() => { setMissing(false); setTheirs(null); setNotice(""); setError(""); void reload(); }, [id]);

  if (missing) return <section><h1>Not found</h1><p>No decision record with this id in this workspace.</p>
    <Link to="/decisions">All decision records</Link></section>;
  if (!base || !form) return <p>{error || "Loading…"}</p>;

  const editable = !["rejected", "withdrawn", "deprecated", "superseded"].includes(base.status);
  const dirty = changedFields(formOf(base), form).length > 0;

  const staleOr = async (err: { code?: string }, fallback: () => void) => {
    if (err.code !== "PT409") return fallback();
    const got = await fetchDecision(base.id);
    if (got.decision) setTheirs(got.decision);
  };

  const save = async (values: Form, version: number) => {
    setError(""); setNotice("");
    const { data, error } = await rest().rpc("architecture_decision_update",
      { id: base.id, document: documentOf(values, base.document ?? {}), version }).single();
    if (error) return staleOr(error, () => setError(describe(error)));
    const saved = data as Decision;
    const fresh = await fetchDecision(saved.id);
    setBase(fresh.decision ?? saved);
    setForm(formOf(fresh.decision ?? saved));
    setTheirs(null);
    setNotice(`Saved (version ${(fresh.decision ?? saved).version}).`);
  };

  const transition = async (status: string) => {
    setError(""); setNotice("");
    const { error } = await rest().rpc("architecture_decision_transition",
      { id: base.id, status, reason: reason || null, version: base.version }).single();
    if (error) return staleOr(error, () => setError(describe(error)));
    setReason("");
    await reload();
    setNotice(`Moved to ${status}.`);
  };

  const supersede = async () => {
    const title = window.prompt("Title of the superseding record", base.title);
    if (!title) return;
    const { data, error } = await rest().rpc("architecture_decision_supersede", { id: base.id, title }).single();
    if (error) return setError(describe(error));
    navigate(`/decisions/${(data as Decision).id}`);
  };

  return (
    <section aria-labelledby="decision-h">
      <p><Link to="/decisions">← All decision records</Link></p>
      <h1 id="decision-h">{base.ref}: {base.title} <StatusBadge status={base.status} /></h1>
      {base.superseded_by.length > 0 && <p>Superseded by {base.superseded_by.map((n) => `ADR-${String(n).padStart(4, "0")}`).join(", ")}.</p>}
      {base.open_review_flags > 0 && <p class="badge warn">{base.open_review_flags} open review flag(s)</p>}
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {theirs && (
        <Conflict base={formOf(base)} mine={form} theirs={theirs}
          onKeepMine={() => save(form, theirs.version)}
          onTakeTheirs={() => { setBase(theirs); setForm(formOf(theirs)); setTheirs(null); setNotice("Took their version."); }}
          onMerge={() => {
            const m = merge(formOf(base), form, formOf(theirs));
            setBase(theirs); setForm(m.form); setTheirs(null); setTick((t) => t + 1);
            setNotice(m.conflicts.length
              ? `Merged; both sides changed: ${m.conflicts.join(", ")} — review the marked text, then save.`
              : "Merged without overlaps — review, then save.");
          }} />
      )}
      <div class="lifecycle" role="group" aria-label="Lifecycle">
        <label>Reason (optional) <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        {base.next_statuses.map((s) => (
          <button type="button" key={s} disabled={dirty} onClick={() => transition(s)}>Move to {s}</button>
        ))}
        {dirty && base.next_statuses.length > 0 && <span class="small"> Save or undo your edits to change the status.</span>}
        {base.status === "accepted" &&
          <button type="button" onClick={supersede}>Supersede…</button>}
        <ExportLink decision={base} />
      </div>
      <form class="editor" key={`${base.id}-${tick}`}
        onSubmit={(e) => { e.preventDefault(); void save(form, base.version); }}>
        <fieldset disabled={!editable}>
          <legend>Content (version {base.version})</legend>
          {FIELDS.map((f) => (
            <div key={f.key} class="field">
              <label for={`adr-${f.key}`}>{f.label}</label>
              {f.choice
                ? <select id={`adr-${f.key}`} name={f.key} value={form[f.key]}
                    onChange={(e) => setForm({ ...form, [f.key]: e.currentTarget.value })}>
                    <option value="">not decided</option>
                    {list(form.options).map((o) => <option value={o}>{o}</option>)}
                  </select>
                : f.multiline
                ? <textarea id={`adr-${f.key}`} name={f.key} rows={f.list ? 3 : 5} value={form[f.key]}
                    onInput={(e) => setForm({ ...form, [f.key]: e.currentTarget.value })} />
                : <input id={`adr-${f.key}`} name={f.key} value={form[f.key]} required={!f.date}
                    type={f.date ? "date" : "text"}
                    onInput={(e) => setForm({ ...form, [f.key]: e.currentTarget.value })} />}
            </div>
          ))}
          <OptionFields form={form} setForm={setForm} />
          <button type="submit">Save</button>
        </fieldset>
      </form>
      <DecisionLinks decision={base} onChange={reload} />
      <DecisionHistory decisionId={base.id} refresh={base.version + base.status} />
    </section>
  );
}
