// web/src/screens/decisions_markdown.tsx — ADR Markdown export (one record) and import (.md files). Layer: web.
import { useState } from "preact/hooks";
import { sidecar } from "../api";
import { describe, type Decision } from "./decisions_model";

type FileReport = {
  path: string; action: string; id: string | null; ref: string | null; warnings: string[]; problems: string[];
};

export function ExportLink({ decision }: { decision: Decision }) {
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [href, setHref] = useState("");
  const [error, setError] = useState("");
  const load = async () => {
    setError("");
    try {
      const text: unknown = await sidecar(`/architecture/decisions/${decision.id}/markdown`);
      const md = typeof text === "string" ? text : JSON.stringify(text);
      if (href) URL.revokeObjectURL(href);
      setHref(URL.createObjectURL(new Blob([md], { type: "text/markdown" })));
      setMarkdown(md);
    } catch (e) {
      setError(describe(e));
    }
  };
  const name = `${String(decision.number).padStart(4, "0")}-${decision.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.md`;
  return (
    <span class="export">
      <button type="button" onClick={load}>Export Markdown</button>
      {error && <span role="alert" class="error">{error}</span>}
      {markdown !== null && (
        <span>
          {" "}<a download={name} href={href}>
            Download {name}</a>
          <details open><summary>Markdown</summary><pre class="markdown" aria-label="Exported Markdown" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{markdown}</pre></details>
        </span>
      )}
    </span>
  );
}

export function ImportForm({ onImported }: { onImported: () => void }) {
  const [report, setReport] = useState<FileReport[] | null>(null);
  const [error, setError] = useState("");
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(""); setReport(null);
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem("files") as HTMLInputElement;
    const files = await Promise.all(Array.from(input.files ?? []).map(async (f) => ({ path: f.name, content: await f.text() })));
    if (files.length === 0) return setError("choose one or more .md files");
    try {
      const body = (await sidecar("/architecture/decisions/import", {
        method: "POST", body: JSON.stringify({ files }),
      })) as { files: FileReport[] };
      setReport(body.files);
      onImported();
    } catch (err) {
      setError(describe(err));
    }
  };
  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">Import Markdown</h2>
      <form onSubmit={submit} class="inline-form">
        <label>ADR files (.md) <input type="file" name="files" accept=".md,text/markdown" multiple /></label>
        <button type="submit">Import</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {report && (
        <ul aria-label="Import report">
          {report.map((f) => (
            <li key={f.path}>{f.path}: {f.action}{f.ref ? ` as ${f.ref}` : ""}
              {[...f.problems, ...f.warnings].map((w) => <div class="small">{w}</div>)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
