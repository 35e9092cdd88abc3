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

/** The editable fields, as flat strings (lists one item per line); each option's own fields under `optionKey`. */
export type Form = {
  [option: string]: string;
  title: string;
  date: string;
  decision_makers: string;
  consulted: string;
  informed: string;
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

export const FIELDS: { key: string & keyof Form; label: string; multiline: boolean; list?: boolean; choice?: boolean;
  date?: boolean }[] = [
  { key: "title", label: "Title", multiline: false },
  { key: "date", label: "Date", multiline: false, date: true },
  { key: "decision_makers", label: "Deciders (one per line)", multiline: true, list: true },
  { key: "consulted", label: "Consulted (one per line)", multiline: true, list: true },
  { key: "informed", label: "Informed (one per line)", multiline: true, list: true },
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
  const form: Form = {
    title: d.title,
    date: str(doc.date),
    decision_makers: lines(doc.decision_makers),
    consulted: lines(doc.consulted),
    informed: lines(doc.informed),
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
  for (const o of optionsOf(doc)) {
    for (const part of OPTION_PARTS) {
      form[optionKey(o.title, part.key)] = part.list ? lines(o[part.key]) : str(o[part.key]);
    }
  }
  return form;
}

/** A considered option's own fields: its description (text) and its pros, neutral points and cons (lists). */
export const OPTION_PARTS = [
  { key: "description", label: "description", list: false },
  { key: "pros", label: "pros (one per line)", list: true },
  { key: "neutral", label: "neutral points (one per line)", list: true },
  { key: "cons", label: "cons (one per line)", list: true },
] as const;
type Part = (typeof OPTION_PARTS)[number]["key"];
const PREFIX = "option:";

export const optionKey = (title: string, part: Part): string => `${PREFIX}${part}:${title}`;

/** The form fields of one key: FIELDS's entry, or an option part parsed from `option:<part>:<title>`. */
export function fieldOf(key: string): { label: string; multiline: boolean; list?: boolean } {
  const fixed = FIELDS.find((f) => f.key === key);
  if (fixed) return fixed;
  const [part, ...title] = key.slice(PREFIX.length).split(":");
  const p = OPTION_PARTS.find((x) => x.key === part);
  return { label: `Option "${title.join(":")}": ${p?.label ?? part}`, multiline: true, list: p?.list };
}

/** Every key of the given forms: the fixed fields first, then the option parts in the order they appear. */
export function keysOf(...forms: Form[]): (keyof Form)[] {
  const keys = FIELDS.map((f) => f.key as string);
  for (const f of forms) for (const k of Object.keys(f)) if (!keys.includes(k)) keys.push(k);
  return keys;
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
  const option = (t: string): Option => {
    const o: Option = { ...(known.get(t) ?? {}), title: t };
    for (const part of OPTION_PARTS) {
      const v = f[optionKey(t, part.key)];
      if (v !== undefined) o[part.key] = part.list ? list(v) : v;
    }
    return o;
  };
  return {
    title: f.title,
    date: f.date.trim() || null,
    decision_makers: list(f.decision_makers),
    consulted: list(f.consulted),
    informed: list(f.informed),
    context: text(f.context),
    decision_drivers: list(f.decision_drivers),
    options: titles.map(option),
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
  for (const key of keysOf(base, mine, theirs)) {
    const { list: isList, multiline } = fieldOf(String(key));
    const [b, m, t] = [base[key] ?? "", mine[key] ?? "", theirs[key] ?? ""];
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
  return keysOf(a, b).filter((k) => (a[k] ?? "") !== (b[k] ?? ""));
}

/** One line for an API error: message, then details and hint as the API words them. */
export function describe(e: unknown): string {
  const err = e as Partial<ApiError> | null;
  if (!err || typeof err !== "object") return String(e);
  return [err.message, err.details, err.hint].filter((x) => typeof x === "string" && x).join(" — ");
}
