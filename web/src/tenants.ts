// web/src/tenants.ts — the signed-in user's tenants and choosing one (x-tenant-id). Layer: web.
import { must, rest, session } from "./api";

export type Tenant = { id: string; kind: string; slug: string; name: string; status: string; role: string };
const RANK = ["owner", "admin", "member", "viewer"];

export async function myTenants(): Promise<Tenant[]> {
  return must(await rest().from("my_tenants").select("id,kind,slug,name,status,role").order("kind").order("slug"));
}

/** After sign-in: keep the stored tenant if still a membership, else the highest-role active team. */
export async function chooseTenant(): Promise<Tenant[]> {
  const tenants = await myTenants();
  if (!tenants.some((t) => t.id === session.tenantId)) {
    const best = [...tenants]
      .filter((t) => t.status === "active")
      .sort((a, b) => (a.kind === b.kind ? RANK.indexOf(a.role) - RANK.indexOf(b.role) : a.kind === "team" ? -1 : 1))[0];
    session.set({ tenantId: best?.id ?? null });
  }
  return tenants;
}
