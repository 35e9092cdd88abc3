// web/src/components/highlight.tsx — renders search text with <mark> from the API as real marks, never as HTML. Layer: web.
export function Highlight({ text }: { text: string }) {
  const parts = (text || "").split(/(<mark>.*?<\/mark>)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith("<mark>") ? <mark key={i}>{p.slice(6, -7)}</mark> : <span key={i}>{p}</span>,
      )}
    </>
  );
}
