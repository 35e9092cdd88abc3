// web/src/app.tsx — the shell: skip link, main navigation, tenant switcher, sign-out, routed screen. Layer: web.
import { useEffect, useState } from "preact/hooks";
import { session } from "./api";
import { ErrorBox, NotFound } from "./components/error-box";
import { TenantSwitcher } from "./components/tenant-switcher";
import { Router, usePath } from "./routes";
import { SignInScreen } from "./screens/signin";
import { myTenants, type Tenant } from "./tenants";

const NAV: [string, string][] = [
  ["/", "Catalog"], ["/import", "Import"], ["/radar", "Radar"], ["/advisor", "Advisor"], ["/decisions", "Decisions"],
  ["/feeds", "Feeds"], ["/team", "Team"], ["/usage", "Usage"],
];

function useSession(): number {
  const [v, setV] = useState(0);
  useEffect(() => session.subscribe(() => setV((n) => n + 1)), []);
  return v;
}

function Fallback({ path }: { path: string }) {
  return <NotFound what={`page ${path}`} />;
}

export function App() {
  const version = useSession();
  const path = usePath();
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (session.token) myTenants().then(setTenants, setError);
  }, [session.token, session.tenantId]);
  if (!session.token || path === "/signin") return <SignInScreen />;
  const here = "/" + (path.split("/")[1] ?? "");
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Stance</span>
        <nav aria-label="Main">
          {NAV.map(([href, label]) => (
            <a key={href} href={`#${href}`} aria-current={here === href || (href === "/" && here === "/patterns") ? "page" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <TenantSwitcher tenants={tenants} />
        <span class="who">{session.user?.name ?? session.user?.subject}</span>
        <button type="button" class="link" onClick={() => session.signOut()}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1} key={`${session.tenantId}-${version}`}>
        <ErrorBox error={error} />
        <Router fallback={Fallback} />
      </main>
    </>
  );
}
