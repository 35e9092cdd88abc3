// web/src/screens/advisor.tsx — advisor questionnaire, the recommendation with reasons, saved assessments. Layer: web.
import { useState } from "preact/hooks";
import { must, navigate, rest } from "../api";
import { ErrorBox, Loading, NotFound } from "../components/error-box";
import { useLoad } from "../components/use-load";
import { Recommendation } from "./advisor-result";

type Question = { key: string; kind: "integer" | "boolean" | "choice"; choices: string[] | null; min_value: number | null;
  max_value: number | null; prompt: string; axis: string };

function Field({ q, value, set }: { q: Question; value: unknown; set: (v: unknown) => void }) {
  const id = `q-${q.key}`;
  if (q.kind === "boolean") {
    return (
      <fieldset class="question">
        <legend>{q.prompt}</legend>
        {[true, false].map((b) => (
          <label key={String(b)} class="inline-label">
            <input type="radio" name={id} checked={value === b} onChange={() => set(b)} /> {b ? "Yes" : "No"}
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.kind === "choice") {
    return (
      <label class="question">{q.prompt}
        <select value={String(value ?? "")} onChange={(e) => set((e.target as HTMLSelectElement).value || undefined)}>
          <option value="">— choose —</option>
          {(q.choices ?? []).map((c) => <option key={c} value={c}>{c.replace(/_/g, " ")}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label class="question">{q.prompt}
      <input type="number" min={q.min_value ?? undefined} max={q.max_value ?? undefined} value={value == null ? "" : String(value)}
        onInput={(e) => { const v = (e.target as HTMLInputElement).value; set(v === "" ? undefined : Number(v)); }} />
    </label>
  );
}

function Assessments() {
  const { data } = useLoad(async () => must(await rest().from("architecture_assessments")
    .select("id,label,created_at,result->flavour->>name").order("created_at", { ascending: false }).limit(20)), []);
  const rows = (data as any[] | null) ?? [];
  if (!rows.length) return null;
  return (
    <section>
      <h2>Saved assessments</h2>
      <ul>{rows.map((a) => (
        <li key={a.id}><a href={`#/advisor/${a.id}`}>{a.label || "untitled"}</a> — {a.name} · {new Date(a.created_at).toLocaleString()}</li>
      ))}</ul>
    </section>
  );
}

export function AdvisorScreen(_: { id?: string }) {
  const { data, error } = useLoad(async () => must(await rest().from("architecture_advisor_questions").select("*").order("ord")), []);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [label, setLabel] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  async function run(e: Event) {
    e.preventDefault();
    setFailure(null);
    try {
      const result = must(await rest().rpc("architecture_advise", { answers, label })) as any;
      navigate(`/advisor/${result.assessment_id}`);
    } catch (err) {
      setFailure(err);
    }
  }
  return (
    <section>
      <h1>Advisor</h1>
      <form class="stack" onSubmit={run}>
        <label>Label for this assessment
          <input value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
        </label>
        {(data as Question[]).map((q) => (
          <Field key={q.key} q={q} value={answers[q.key]} set={(v) => setAnswers({ ...answers, [q.key]: v })} />
        ))}
        <ErrorBox error={failure} />
        <button type="submit">Get recommendation</button>
      </form>
      <Assessments />
    </section>
  );
}

export function AssessmentScreen({ id }: { id?: string }) {
  const valid = /^[0-9a-f-]{36}$/i.test(id ?? "");
  const { data, error, loading } = useLoad(async () => valid
    ? must(await rest().from("architecture_assessments").select("*").eq("id", id!).maybeSingle()) : null, [id]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return loading ? <Loading /> : <NotFound what="assessment" />;
  const a = data as any;
  return (
    <section>
      <h1>Assessment {a.label && `“${a.label}”`}</h1>
      <p class="meta">ruleset {a.ruleset} · {new Date(a.created_at).toLocaleString()}</p>
      <Recommendation result={a.result} />
      <p><a href="#/advisor">Run the advisor again</a></p>
    </section>
  );
}
