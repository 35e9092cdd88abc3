// web/src/screens/signin.tsx — development sign-in: pick a demo user (or paste a JWT from the identity provider). Layer: web.
import { useState } from "preact/hooks";
import { config, navigate, session } from "../api";
import { ErrorBox } from "../components/error-box";
import { chooseTenant } from "../tenants";

function claimsOf(token: string): { sub?: string; name?: string; email?: string } {
  try {
    return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return {};
  }
}

export function SignInScreen() {
  const [subject, setSubject] = useState(config.devUsers[0]?.subject ?? "");
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const token = pasted.trim() || config.devUsers.find((u) => u.subject === subject)?.token || "";
    const claims = claimsOf(token);
    setBusy(true);
    session.set({ token, user: { subject: claims.sub ?? "", name: claims.name, email: claims.email }, tenantId: null });
    try {
      await chooseTenant();
      navigate("/");
    } catch (err) {
      session.signOut();
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="narrow">
      <h1>Sign in to Stance</h1>
      <form onSubmit={submit} class="stack">
        {config.devUsers.length > 0 && (
          <label>
            Demo user
            <select value={subject} onChange={(e) => setSubject((e.target as HTMLSelectElement).value)}>
              {config.devUsers.map((u) => (
                <option key={u.subject} value={u.subject}>{u.label}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Or paste a token from your identity provider
          <textarea rows={3} value={pasted} onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
      <ErrorBox error={error} />
    </main>
  );
}
