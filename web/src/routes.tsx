// web/src/routes.tsx — hash router: maps `#/path` to a screen component. Layer: web.
import { useEffect, useState } from "preact/hooks";
import type { ComponentType } from "preact";
import { DecisionScreen, DecisionsScreen } from "./screens/decisions";
import { ArticleScreen, FeedsScreen } from "./screens/feeds";

type Props = { id?: string };
type Route = { pattern: string; screen: ComponentType<Props>; title: string };

export const routes: Route[] = [
  { pattern: "/decisions", screen: DecisionsScreen, title: "Decisions" },
  { pattern: "/decisions/:id", screen: DecisionScreen, title: "Decision" },
  { pattern: "/feeds", screen: FeedsScreen, title: "Feeds" },
  { pattern: "/articles/:id", screen: ArticleScreen, title: "Article" },
];

/** Add routes (screens outside this file register theirs before the first render). */
export function addRoutes(more: Route[]): void {
  routes.push(...more);
}

export function currentPath(): string {
  return location.hash.replace(/^#/, "").split("?")[0] || "/";
}

export function match(path: string): { route: Route; id?: string } | null {
  for (const route of routes) {
    const re = new RegExp("^" + route.pattern.replace(/:id\b/, "([^/]+)") + "/?$");
    const m = re.exec(path);
    if (m) return { route, id: m[1] ? decodeURIComponent(m[1]) : undefined };
  }
  return null;
}

/** The current hash path, re-rendering on change (re-read once the listener is attached). */
export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const on = () => setPath(currentPath());
    addEventListener("hashchange", on);
    on(); // a change between this render and the listener would otherwise be missed
    return () => removeEventListener("hashchange", on);
  }, []);
  return path;
}

export function Router({ fallback }: { fallback: ComponentType<{ path: string }> }) {
  const path = usePath();
  const found = match(path);
  useEffect(() => {
    document.title = `${found?.route.title ?? "Stance"} · Stance`;
  }, [path]);
  if (!found) {
    const Fallback = fallback;
    return <Fallback path={path} />;
  }
  const Screen = found.route.screen;
  return <Screen key={path} id={found.id} />;
}
