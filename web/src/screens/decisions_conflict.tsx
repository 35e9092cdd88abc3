// web/src/screens/decisions_conflict.tsx — "changed elsewhere" panel of a stale ADR save. Layer: web.
import { changedFields, fieldOf, formOf, type Decision, type Form } from "./decisions_model";

type Props = {
  base: Form;
  mine: Form;
  theirs: Decision;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
};

export function Conflict({ base, mine, theirs, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const other = formOf(theirs);
  const differ = changedFields(mine, other);
  const label = (k: keyof Form) => fieldOf(String(k)).label;
  const changedBy = (k: keyof Form) => {
    const [me, them] = [(mine[k] ?? "") !== (base[k] ?? ""), (other[k] ?? "") !== (base[k] ?? "")];
    return me && them ? "both" : me ? "you" : "them";
  };
  return (
    <div role="alert" class="conflict" aria-labelledby="conflict-h">
      <h2 id="conflict-h">Changed elsewhere</h2>
      <p>
        Someone saved {theirs.ref} while you were editing (now version {theirs.version},
        {" "}{new Date(theirs.updated_at).toLocaleString()}). Your changes are not saved yet.
      </p>
      {differ.length === 0 ? <p>Their version has the same content as yours.</p> : (
        <div style={{ overflowX: "auto" }}><table class="diff">
          <thead><tr><th scope="col">Field</th><th scope="col">Changed by</th><th scope="col">Yours</th>
            <th scope="col">Theirs</th></tr></thead>
          <tbody>
            {differ.map((k) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td>{changedBy(k)}</td>
                <td class="mine"><pre style={{ whiteSpace: "pre-wrap" }}>{mine[k]}</pre></td>
                <td class="theirs"><pre style={{ whiteSpace: "pre-wrap" }}>{other[k]}</pre></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <div role="group" aria-label="Resolve the conflict">
        <button type="button" onClick={onKeepMine}>Keep mine</button>
        <button type="button" onClick={onTakeTheirs}>Take theirs</button>
        <button type="button" onClick={onMerge}>Merge</button>
      </div>
    </div>
  );
}
