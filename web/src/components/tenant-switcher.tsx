// web/src/components/tenant-switcher.tsx — select the tenant every request works in (x-tenant-id). Layer: web.
import { session } from "../api";
import type { Tenant } from "../tenants";

export function TenantSwitcher({ tenants }: { tenants: Tenant[] }) {
  return (
    <label class="tenant">
      Tenant
      <select
        value={session.tenantId ?? ""}
        onChange={(e) => session.set({ tenantId: (e.target as HTMLSelectElement).value || null })}
      >
        {tenants.map((t) => (
          <option key={t.id} value={t.id} disabled={t.status !== "active"}>
            {t.name} ({t.role}{t.status !== "active" ? `, ${t.status}` : ""})
          </option>
        ))}
      </select>
    </label>
  );
}
