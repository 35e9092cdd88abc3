// web/src/api.ts — the one door to the backend: REST client, sidecar fetch, ApiError, session, navigate. Layer: web.
import { PostgrestClient } from "@supabase/postgrest-js";

/** Base URLs, read once from `config.json` next to index.html (written by the server that serves the app). */
export type DevUser = { subject: string; name: string; email: string; label: string; token: string };
export const config = { restUrl: "", sidecarUrl: "", devUsers: [] as DevUser[] };

export async function loadConfig(): Promise<void> {
  const res = await fetch(new URL("config.json", document.baseURI));
  const body = await res.json();
  config.restUrl = new URL(body.restUrl, document.baseURI).href.replace(/\/$/, "");
  config.sidecarUrl = new URL(body.sidecarUrl, document.baseURI).href.replace(/\/$/, "");
  config.devUsers = body.devUsers ?? [];
}

/** A PostgREST-shaped error ({code, message, details, hint}) plus the HTTP status. */
export class ApiError extends Error {
  code: string;
  details: string | null;
  hint: string | null;
  status: number;
  constructor(body: { code?: string; message?: string; details?: string | null; hint?: string | null }, status: number) {
    super(body.message || `request failed (${status})`);
    this.name = "ApiError";
    this.code = body.code || String(status);
    this.details = body.details ?? null;
    this.hint = body.hint ?? null;
    this.status = status;
  }
}

export type SessionUser = { subject: string; name?: string; email?: string };
type Listener = () => void;
const KEY = "stance.session";
const stored = JSON.parse(localStorage.getItem(KEY) || "null") as
  | { token: string | null; user: SessionUser | null; tenantId: string | null }
  | null;

/** The signed-in user: bearer token, profile, and the selected tenant (sent as x-tenant-id). */
export const session = {
  token: stored?.token ?? null,
  user: stored?.user ?? null,
  tenantId: stored?.tenantId ?? null,
  listeners: new Set<Listener>(),
  set(patch: Partial<{ token: string | null; user: SessionUser | null; tenantId: string | null }>) {
    Object.assign(this, patch);
    localStorage.setItem(KEY, JSON.stringify({ token: this.token, user: this.user, tenantId: this.tenantId }));
    this.listeners.forEach((l) => l());
  },
  signOut() {
    this.set({ token: null, user: null, tenantId: null });
  },
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  },
};

function authHeaders(): Record<string, string> {
  const h: Record<string, string> = {};
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  if (session.tenantId) h["x-tenant-id"] = session.tenantId;
  return h;
}

/** postgrest-js client for schema `api`, carrying the session's bearer token and tenant. */
export function rest(): PostgrestClient {
  return new PostgrestClient(config.restUrl, { headers: authHeaders() });
}

/** Throw the ApiError a postgrest-js `{error, status}` result carries; return its data otherwise. */
export function must<T>(result: { data: T | null; error: any; status: number }): T {
  if (result.error) throw new ApiError(result.error, result.status);
  return result.data as T;
}

/** fetch() against the sidecar with the bearer token; JSON in and out; PostgREST-shaped errors become ApiError. */
export async function sidecar(path: string, init: RequestInit = {}): Promise<any> {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(authHeaders())) if (!headers.has(k)) headers.set(k, v);
  if (init.body && typeof init.body === "string" && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  const res = await fetch(config.sidecarUrl + path, { ...init, headers });
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) throw new ApiError(typeof body === "object" && body ? body : { message: String(body || res.statusText) }, res.status);
  return body;
}

/** Go to an in-app path such as `/decisions/123` (hash routing). */
export function navigate(path: string): void {
  location.hash = "#" + path;
}
