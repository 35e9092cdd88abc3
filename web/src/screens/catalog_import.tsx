// web/src/screens/catalog_import.tsx — tenant admins import private patterns (pasted URL or uploaded Layra .md) through
// the sidecar's synchronous import endpoint and read its report: counts, sections, every warning. Layer: web.
import { useState } from "preact/hooks";
import { ApiError, sidecar } from "../api";
import { ErrorBox } from "../components/error-box";

type Warning = { pattern?: string | null; section?: string | null; message: string };
type Report = {
  import_id: string; scope: string; source: string; title: string | null; declared_count: number | null;
  counts: Record<string, number>; sections: Record<string, number>; not_in_run: string[]; warnings: Warning[];
};

const COUNTS = ["patterns", "created", "revised", "unchanged", "related_links", "unresolved_links", "dangling_links"];

/** The API's error with object `details` (a malformed export names pattern, section, problem) flattened to text. */
function readable(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.details == null || typeof err.details === "string") return err;
  const d = err.details as unknown as Record<string, unknown>;
  return new ApiError({ code: err.code, message: err.message, hint: err.hint,
    details: Object.entries(d).filter(([, v]) => v != null).map(([k, v]) => `${k}: ${v}`).join(" · ") }, err.status);
}

function ImportReport({ report }: { report: Report }) {
  return (
    <section aria-labelledby="report-h" class="panel">
      <h2 id="report-h">Import report</h2>
      <p>Source <strong>{report.source}</strong>{report.title && <> — {report.title}</>} · scope {report.scope}
        {report.declared_count != null && <> · the export declares {report.declared_count} patterns</>}</p>
      <table aria-label="Counts">
        <thead><tr><th scope="col">Outcome</th><th scope="col">Count</th></tr></thead>
        <tbody>
          {COUNTS.filter((k) => k in report.counts).map((k) => (
            <tr key={k}><td>{k.replace(/_/g, " ")}</td><td>{report.counts[k]}</td></tr>
          ))}
        </tbody>
      </table>
      <details><summary>Sections imported</summary>
        <ul class="inline" aria-label="Sections">
          {Object.entries(report.sections).map(([k, v]) => <li key={k}>{k.replace(/_/g, " ")}: {v}</li>)}
        </ul>
      </details>
      <h3>Warnings ({report.warnings.length})</h3>
      {report.warnings.length === 0 ? <p>No warnings.</p> : (
        <ul aria-label="Warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w.pattern && <strong>{w.pattern}</strong>}{w.section && <> · {w.section}</>}: {w.message}</li>
          ))}
        </ul>
      )}
      {report.not_in_run.length > 0 && (
        <p>Private patterns not in this export: {report.not_in_run.join(", ")}</p>
      )}
    </section>
  );
}

export function CatalogImportScreen(_: { id?: string }) {
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);
  async function run(body: { url?: string; content?: string }) {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await sidecar("/architecture/catalog/imports", {
        method: "POST", body: JSON.stringify({ scope: "tenant", ...body }),
      }));
    } catch (err) {
      setError(readable(err));
    } finally {
      setBusy(false);
    }
  }
  async function onFile(e: Event) {
    e.preventDefault();
    const file = (new FormData(e.currentTarget as HTMLFormElement).get("file") as File | null);
    if (!file || !file.name) return setError(new Error("choose a Layra export (.md) first"));
    await run({ content: await file.text() });
  }
  return (
    <section>
      <h1>Import patterns</h1>
      <p>Tenant owners and admins add private patterns to this tenant's catalog from a Layra-format export.</p>
      <form class="row" onSubmit={(e) => { e.preventDefault(); run({ url: url.trim() }); }}>
        <label>Export URL <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <button type="submit" disabled={busy}>Import from URL</button>
      </form>
      <form class="row" onSubmit={onFile}>
        <label>Export file (.md) <input type="file" name="file" accept=".md,text/markdown,text/plain" /></label>
        <button type="submit" disabled={busy}>Import file</button>
      </form>
      {busy && <p aria-busy="true">Importing…</p>}
      <ErrorBox error={error} />
      {report && <ImportReport report={report} />}
    </section>
  );
}
