// web/src/screens/decisions_history.tsx — an ADR's status history (who moved it, when, why). Layer: web.
import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { describe } from "./decisions_model";

type Move = { id: string; from_status: string | null; to_status: string; reason: string | null; at: string };

export function DecisionHistory({ decisionId, refresh }: { decisionId: string; refresh: string }) {
  const [moves, setMoves] = useState<Move[]>([]);
  const [error, setError] = useState("");
  useEffect(() => {
    void rest().from("architecture_decision_history").select("id,from_status,to_status,reason,at")
      .eq("decision_id", decisionId).order("at").then(({ data, error }) => {
        if (error) setError(describe(error));
        else setMoves(data as Move[]);
      });
  }, [decisionId, refresh]);
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      {error && <p role="alert" class="error">{error}</p>}
      <ol class="history">
        {moves.map((m) => (
          <li key={m.id}>
            <time dateTime={m.at}>{new Date(m.at).toLocaleString()}</time>: {m.from_status ?? "new"} → {m.to_status}
            {m.reason ? ` (${m.reason})` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
