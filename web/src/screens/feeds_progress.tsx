// web/src/screens/feeds_progress.tsx — live progress of feed fetches and extraction: SSE from the sidecar's
// /events (resuming after the last seen id across reloads), polling as the fallback. Layer: web.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, config, rest, session } from "../api";

export type Job = { id: number; task: string; status: string; attempts: number; updated_at: string };
export type EngineEvent = { id: string; event: string; status: string; data: Record<string, unknown> };

const lastKey = () => `stance.events.last.${session.tenantId ?? "none"}`;
const POLL_MS = 3000;

/** Parse one SSE block ("id: …\nevent: …\ndata: …"). */
function parseBlock(block: string): EngineEvent | null {
  let id = "", event = "message", data = "";
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const i = line.indexOf(":");
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data += (data ? "\n" : "") + value;
  }
  if (!data) return null;
  try {
    const body = JSON.parse(data) as { status: string; data: Record<string, unknown> };
    return { id, event, status: body.status, data: body.data ?? {} };
  } catch {
    return null;
  }
}

async function follow(signal: AbortSignal, onOpen: () => void, onEvent: (e: EngineEvent) => void): Promise<void> {
  const last = sessionStorage.getItem(lastKey()) ?? "0";
  const headers: Record<string, string> = { Accept: "text/event-stream", "Last-Event-ID": last };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (session.tenantId) headers["x-tenant-id"] = session.tenantId;
  const res = await fetch(`${config.sidecarUrl}/events`, { headers, signal });
  if (!res.ok || !res.body) throw new ApiError({ message: `event stream refused (${res.status})` }, res.status);
  onOpen();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, "\n");
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const event = parseBlock(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (event) {
        if (event.id) sessionStorage.setItem(lastKey(), event.id);
        onEvent(event);
      }
    }
  }
}

export type Progress = { live: boolean; jobs: Job[]; recent: EngineEvent[] };

/** Calls `refresh` whenever something moved (an SSE event, or every few seconds while work is pending). */
export function useProgress(refresh: () => void, pending: boolean): Progress {
  const [live, setLive] = useState(false);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [recent, setRecent] = useState<EngineEvent[]>([]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const loadJobs = async () => {
    const { data } = await rest().from("jobs").select("id,task,status,attempts,updated_at")
      .in("status", ["todo", "doing"]).order("id", { ascending: false }).limit(50);
    setJobs((data ?? []) as Job[]);
  };

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let soon: ReturnType<typeof setTimeout> | undefined;
    // A burst of events (one per derivation) becomes one refresh.
    const refreshSoon = () => {
      if (soon) return;
      soon = setTimeout(() => { soon = undefined; refreshRef.current(); void loadJobs(); }, 400);
    };
    const run = async (attempt: number): Promise<void> => {
      try {
        await follow(abort.signal, () => setLive(true), (e) => {
          setRecent((r) => [e, ...r].slice(0, 8));
          refreshSoon();
        });
      } catch {
        /* stream unavailable: polling carries on; retry below */
      }
      setLive(false);
      if (!abort.signal.aborted) timer = setTimeout(() => void run(attempt + 1), Math.min(30000, 2000 * 2 ** attempt));
    };
    void run(0);
    return () => { abort.abort(); if (timer) clearTimeout(timer); if (soon) clearTimeout(soon); };
  }, []);

  useEffect(() => {
    void loadJobs();
    if (!pending && jobs.length === 0) return;
    const t = setInterval(() => { refreshRef.current(); void loadJobs(); }, POLL_MS);
    return () => clearInterval(t);
  }, [pending, jobs.length > 0]);

  return { live, jobs, recent };
}

export function ProgressPanel({ progress }: { progress: Progress }) {
  const { live, jobs, recent } = progress;
  return (
    <section aria-labelledby="progress-h" class="progress">
      <h2 id="progress-h">Work in progress</h2>
      <p aria-live="polite">
        {live ? "Live updates connected." : "Live updates unavailable: checking every few seconds."}
        {" "}{jobs.length === 0 ? "Nothing running." : `${jobs.length} job(s) queued or running.`}
      </p>
      {jobs.length > 0 && (
        <ul>{jobs.map((j) => <li key={j.id}>{j.task}: {j.status}{j.attempts > 1 ? ` (attempt ${j.attempts})` : ""}</li>)}</ul>
      )}
      {recent.length > 0 && (
        <ul aria-label="Recent extraction events">
          {recent.map((e) => <li key={e.id}>{String(e.data.kind ?? e.event)}: {e.status}</li>)}
        </ul>
      )}
    </section>
  );
}
