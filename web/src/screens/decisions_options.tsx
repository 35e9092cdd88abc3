// web/src/screens/decisions_options.tsx — the ADR editor's per-option fields: description, pros, neutral, cons. Layer: web.
import { fieldOf, list, OPTION_PARTS, optionKey, type Form } from "./decisions_model";

export function OptionFields({ form, setForm }: { form: Form; setForm: (f: Form) => void }) {
  const titles = [...new Set(list(form.options))];
  if (titles.length === 0) return null;
  return (
    <>
      {titles.map((title, i) => (
        <fieldset key={title} class="option">
          <legend>Option {i + 1}: {title}</legend>
          {OPTION_PARTS.map((part) => {
            const key = optionKey(title, part.key);
            const id = `adr-option-${i}-${part.key}`;
            return (
              <div key={part.key} class="field">
                <label for={id}>{fieldOf(key).label}</label>
                <textarea id={id} rows={part.list ? 3 : 2} value={form[key] ?? ""}
                  onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
