// web/src/screens/team.tsx — the tenant's members (role changes), invitations (invite, revoke, accept). Layer: web.
import { useState } from "preact/hooks";
import { must, rest, session } from "../api";
import { ErrorBox, Loading } from "../components/error-box";
import { useLoad } from "../components/use-load";

const ROLES = ["owner", "admin", "member", "viewer"];

function InviteForm({ onDone }: { onDone: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("member");
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<any>(null);
  async function invite(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      setCreated(must(await rest().rpc("invite", { role, email: email || null })));
      setEmail("");
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form class="row" onSubmit={invite} aria-label="Invite someone">
      <label>Email <input type="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} /></label>
      <label>Role
        <select value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
          {ROLES.map((r) => <option key={r}>{r}</option>)}
        </select>
      </label>
      <button type="submit">Invite</button>
      <ErrorBox error={error} />
      {created?.token && <p role="status">Invitation created. Share this token: <code>{created.token}</code></p>}
    </form>
  );
}

function AcceptForm() {
  const [token, setToken] = useState("");
  const [error, setError] = useState<unknown>(null);
  async function accept(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const tenantId = must(await rest().rpc("accept_invitation", { token: token.trim() })) as string;
      session.set({ tenantId });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form class="row" onSubmit={accept} aria-label="Accept an invitation">
      <label>Invitation token <input value={token} required onInput={(e) => setToken((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">Accept invitation</button>
      <ErrorBox error={error} />
    </form>
  );
}

export function TeamScreen(_: { id?: string }) {
  const [error, setError] = useState<unknown>(null);
  const { data, error: loadError, reload } = useLoad(async () => {
    const [members, invitations] = await Promise.all([
      rest().from("members").select("user_id,name,email,role,version").order("name"),
      rest().from("invitations").select("id,email,role,status,expires_at").order("created_at", { ascending: false }),
    ]);
    return { members: must(members) as any[], invitations: must(invitations) as any[] };
  }, []);
  if (loadError) return <ErrorBox error={loadError} />;
  if (!data) return <Loading />;
  const act = async (fn: () => PromiseLike<any>) => {
    setError(null);
    try { must(await fn()); reload(); } catch (err) { setError(err); }
  };
  return (
    <section>
      <h1>Team</h1>
      <ErrorBox error={error} />
      <table>
        <caption>Members</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {data.members.map((m) => (
            <tr key={m.user_id}>
              <td>{m.name}</td><td>{m.email}</td>
              <td>
                <label class="sr-only" for={`role-${m.user_id}`}>Role of {m.name}</label>
                <select id={`role-${m.user_id}`} value={m.role}
                  onChange={(e) => act(() => rest().rpc("change_member_role", { user_id: m.user_id, role: (e.target as HTMLSelectElement).value }))}>
                  {ROLES.map((r) => <option key={r}>{r}</option>)}
                </select>
              </td>
              <td>
                {m.email !== session.user?.email && (
                  <button type="button" onClick={() => act(() => rest().rpc("remove_member", { user_id: m.user_id }))}>Remove {m.name}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invitations</h2>
      <InviteForm onDone={reload} />
      <ul>
        {data.invitations.map((i) => (
          <li key={i.id}>
            {i.email ?? "anyone with the token"} as {i.role} — {i.status}, expires {new Date(i.expires_at).toLocaleDateString()}
            {i.status === "pending" && (
              <button type="button" onClick={() => act(() => rest().rpc("revoke_invitation", { invitation_id: i.id }))}>Revoke</button>
            )}
          </li>
        ))}
      </ul>
      <h2>Join another team</h2>
      <AcceptForm />
    </section>
  );
}
