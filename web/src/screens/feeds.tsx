// web/src/screens/feeds.tsx — feeds and articles (placeholder until the feeds screens land). Layer: web.
export function FeedsScreen(_: { id?: string }) {
  return <h1>Feeds</h1>;
}

export function ArticleScreen({ id }: { id?: string }) {
  return <h1>Article {id}</h1>;
}
