// web/src/screens/usage.tsx — usage against plan limits, the plans, the subscription; owners change the plan. Layer: web.
import { useState } from "preact/hooks";
import { must, rest, session, sidecar } from "../api";
import { ErrorBox, Loading } from "../components/error-box";
import { useLoad } from "../components/use-load";

export function UsageScreen(_: { id?: string }) {
  const [error, setError] = useState<unknown>(null);
  const { data, error: loadError, reload } = useLoad(async () => {
    const [usage, plans, billing] = await Promise.all([
      rest().from("usage").select("*").order("counter"),
      rest().from("plans").select("*").order("monthly_price_cents"),
      rest().from("billing_status").select("*").eq("tenant_id", session.tenantId ?? "").maybeSingle(),
    ]);
    return { usage: must(usage) as any[], plans: must(plans) as any[], billing: must(billing) as any };
  }, []);
  if (loadError) return <ErrorBox error={loadError} />;
  if (!data) return <Loading />;
  const current = data.billing?.plan_id ?? data.usage[0]?.plan_id;
  async function choose(plan_id: string) {
    setError(null);
    try {
      await sidecar("/billing/plan", { method: "POST", body: JSON.stringify({ plan_id }) });
      reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>Usage and plan</h1>
      <p>Plan: <strong>{current ?? "default"}</strong>{data.billing?.subscription_status && ` (${data.billing.subscription_status})`}</p>
      <table>
        <caption>Usage this period</caption>
        <thead><tr><th scope="col">Counter</th><th scope="col">Used</th><th scope="col">Limit</th><th scope="col">Resets</th></tr></thead>
        <tbody>
          {data.usage.map((u) => (
            <tr key={u.counter}>
              <td>{u.description || u.counter}</td>
              <td>
                {u.period_limit != null
                  ? <meter min={0} max={u.period_limit} value={u.used} aria-label={`${u.counter} used`}>{u.used}</meter>
                  : null} {u.used}
              </td>
              <td>{u.period_limit ?? "unlimited"} per {u.period}</td>
              <td>{new Date(u.resets_at).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Plans</h2>
      <ErrorBox error={error} />
      <ul class="cards">
        {data.plans.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> — {(p.monthly_price_cents / 100).toFixed(2)} / month
            {p.id === current ? <span class="tag ok">current</span>
              : <button type="button" onClick={() => choose(p.id)}>Switch to {p.name}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
