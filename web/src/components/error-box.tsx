// web/src/components/error-box.tsx — shows an API error as the API words it (message, details, hint, code). Layer: web.
import { ApiError } from "../api";

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <div class="error" role="alert">
      <strong>{e ? e.message : String((error as Error)?.message ?? error)}</strong>
      {e?.details && <p class="details">{e.details}</p>}
      {e?.hint && <p class="hint">{e.hint}</p>}
      {e && <p class="code">{e.code} · HTTP {e.status}</p>}
    </div>
  );
}

export function Loading() {
  return <p aria-busy="true">Loading…</p>;
}

export function NotFound({ what }: { what: string }) {
  return (
    <section>
      <h1>Not found</h1>
      <p>No {what} here — it does not exist or belongs to a tenant you are not working in.</p>
      <a href="#/">Back to the catalog</a>
    </section>
  );
}
