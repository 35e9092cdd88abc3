// web/src/screens/decisions_model.tsx — ADR shapes, form fields and the three-way merge of a stale save. Layer: web.
import type { ApiError } from "../api";

export type Decision = {
  id: string;
  number: number;
  ref: string;
  title: string;
  status: string;
  next_statuses: string[];
  superseded_by: number[];
  open_review_flags: number;
  document: Record<string, unknown>;
  updated_at: string;
  version: number;
};

export const DECISION_COLUMNS =
  "id,number,ref,title,status,next_statuses,superseded_by,open_review_flags,document,updated_at,version";

/** The editable fields, as flat strings (lists one item per line). */
export type Form = {
  title: string;
  context: string;
  decision_drivers: string;
  options: string;
  chosen: string;
  justification: string;
  good: string;
  bad: string;
  neutral: string;
  confirmation: string;
  more_information: string;
  tags: string;
};

export const FIELDS: { key: keyof Form; label: string; multiline: boolean; list?: boolean; choice?: boolean }[] = [
  { key: "title", label: "Title", multiline: false },
  { key: "context", label: "Context and problem statement", multiline: true },
  { key: "decision_drivers", label: "Decision drivers (one per line)", multiline: true, list: true },
  { key: "options", label: "Considered options (one title per line)", multiline: true, list: true },
  { key: "chosen", label: "Chosen option", multiline: false, choice: true },
  { key: "justification", label: "Outcome justification", multiline: true },
  { key: "good", label: "Good consequences (one per line)", multiline: true, list: true },
  { key: "bad", label: "Bad consequences (one per line)", multiline: true, list: true },
  { key: "neutral", label: "Neutral consequences (one per line)", multiline: true, list: true },
  { key: "confirmation", label: "Confirmation", multiline: true },
  { key: "more_information", label: "More information", multiline: true },
  { key: "tags", label: "Tags (one per line)", multiline: true, list: true },
];

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const lines = (v: unknown): string => (Array.isArray(v) ? v.map(String).join("\n") : "");
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function formOf(d: Decision): Form {
  const doc = d.document ?? {};
  const outcome = obj(doc.outcome);
  const consequences = obj(doc.consequences);
  return {
    title: d.title,
    context: str(doc.context),
    decision_drivers: lines(doc.decision_drivers),
    options: lines(optionsOf(doc).map((o) => o.title)),
    chosen: str(outcome.chosen_option),
    justification: str(outcome.justification),
    good: lines(consequences.good),
    bad: lines(consequences.bad),
    neutral: lines(consequences.neutral),
    confirmation: str(doc.confirmation),
    more_information: str(doc.more_information),
    tags: lines(doc.tags),
  };
}

type Option = { title: string; [more: string]: unknown };
const optionsOf = (doc: Record<string, unknown>): Option[] =>
  Array.isArray(doc.options) ? (doc.options as Option[]).filter((o) => o && typeof o.title === "string") : [];

export const list = (s: string): string[] => s.split("\n").map((x) => x.trim()).filter(Boolean);
const text = (s: string): string | null => (s.trim() ? s : null);

/** The `document` argument of architecture_decision_update for a form; options keep their pros and cons. */
export function documentOf(f: Form, base: Record<string, unknown>): Record<string, unknown> {
  const known = new Map(optionsOf(base).map((o) => [o.title, o]));
  const titles = [...new Set(list(f.options))];
  return {
    title: f.title,
    context: text(f.context),
    decision_drivers: list(f.decision_drivers),
    options: titles.map((t) => known.get(t) ?? { title: t }),
    outcome: { chosen_option: titles.includes(f.chosen) ? f.chosen : null, justification: text(f.justification) },
    consequences: { good: list(f.good), bad: list(f.bad), neutral: list(f.neutral) },
    confirmation: text(f.confirmation),
    more_information: text(f.more_information),
    tags: list(f.tags),
  };
}

export type Merge = { form: Form; conflicts: (keyof Form)[] };

/** Three-way merge: a field only one side changed takes that side; both changed differently → both, marked. */
export function merge(base: Form, mine: Form, theirs: Form): Merge {
  const form = { ...theirs };
  const conflicts: (keyof Form)[] = [];
  for (const { key, list: isList, multiline } of FIELDS) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (m === t || m === b) form[key] = t;
    else if (t === b) form[key] = m;
    else {
      conflicts.push(key);
      // Lists: both sides' items (mine first); single values: mine; text: both, marked for the user to edit.
      form[key] = isList ? [...new Set([...list(m), ...list(t)])].join("\n")
        : !multiline ? m : `${m}\n<<<<<<< theirs\n${t}\n>>>>>>>`;
    }
  }
  return { form, conflicts };
}

export function changedFields(a: Form, b: Form): (keyof Form)[] {
  return FIELDS.map((f) => f.key).filter((k) => a[k] !== b[k]);
}

/** One line for an API error: message, then details and hint as the API words them. */
export function describe(e: unknown): string {
  const err = e as Partial<ApiError> | null;
  if (!err || typeof err !== "object") return String(e);
  return [err.message, err.details, err.hint].filter((x) => typeof x === "string" && x).join(" — ");
}
