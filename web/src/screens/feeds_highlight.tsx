// web/src/screens/feeds_highlight.tsx — article text with verified evidence quotes marked. Layer: web.
export type Span = { start: number; end: number; id: string; label: string };

/** Where `quote` sits in `text`: the stored offsets when they match, else the first occurrence. */
export function locate(text: string, quote: string | null, start: number | null, end: number | null): [number, number] | null {
  if (!quote) return null;
  if (start !== null && end !== null && text.slice(start, end) === quote) return [start, end];
  const at = text.indexOf(quote);
  return at < 0 ? null : [at, at + quote.length];
}

/** Non-overlapping spans in text order (an overlapping later span is dropped: the first mark covers it). */
function arrange(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

export function HighlightedText({ text, spans }: { text: string; spans: Span[] }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const s of arrange(spans)) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(<mark id={s.id} class="evidence" title={s.label} tabIndex={-1}>{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  parts.push(text.slice(at));
  return <div class="article-text" aria-label="Article text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{parts}</div>;
}
