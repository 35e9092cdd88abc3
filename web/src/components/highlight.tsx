// web/src/components/highlight.tsx — renders search text with <mark> from the API as real marks, never as HTML. Layer: web.
// The API escapes the text around the marks (&amp; &lt; &gt; &quot; &#39;); those entities are decoded to plain text.
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

export function Highlight({ text }: { text: string }) {
  const parts = (text || "").split(/(<mark>.*?<\/mark>)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith("<mark>") ? <mark key={i}>{decode(p.slice(6, -7))}</mark> : <span key={i}>{decode(p)}</span>,
      )}
    </>
  );
}
