import { useId, useState } from 'react';
import { isHttpUrlOrEmpty } from '../../../../electron/shared/setting-values';

/**
 * A text or number field that commits on Enter or when it loses focus (not on every keystroke, so
 * a half-typed URL is not sent to be refused). `check` judges the text as it is typed: its sentence
 * shows under the field at once, and a value it refuses is never saved (the field keeps it to be
 * fixed; Esc puts the saved value back). `hint` says what is allowed, in words.
 */
export function SettingField(props: {
  label: string;
  value: string;
  type?: 'text' | 'url' | 'number';
  placeholder?: string;
  min?: number;
  max?: number;
  hint?: string;
  check?: (text: string) => string | null;
  /** The id of the sentence saying why the field cannot be changed; the field is then disabled. */
  lockedBy?: string;
  onCommit: (value: string) => Promise<boolean>;
}) {
  const id = useId();
  const [text, setText] = useState(props.value);
  // A new value from main (saved, or refused and reset) replaces what is in the field.
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
  }
  const problem = text === props.value ? null : (props.check?.(text) ?? null);
  const commit = () => {
    if (text !== props.value && !problem) void props.onCommit(text);
  };
  const described = [props.lockedBy, props.hint && `${id}-hint`, problem && `${id}-problem`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="setting-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        value={text}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        spellCheck={false}
        disabled={props.lockedBy !== undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape' && text !== props.value) {
            e.stopPropagation();
            setText(props.value);
          }
        }}
      />
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="control-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A whole number from `min` to `max`, as typed: null when it is one, else why not. */
export function wholeNumberProblem(text: string, min: number, max: number, sentence: string): string | null {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return sentence;
  const n = Number(t);
  return n >= min && n <= max ? null : sentence;
}

/** An http(s) address (or nothing), as main accepts it: null when it is one, else why not. */
export const urlProblem = (text: string, sentence: string): string | null =>
  isHttpUrlOrEmpty(text.trim()) ? null : sentence;

/** A labelled combobox whose choice applies at once. */
export function SettingSelect<V extends string>(props: {
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  /** As SettingField's: the id of the reason it cannot be changed. */
  lockedBy?: string;
  onChange: (value: V) => void;
}) {
  return (
    <label className="setting-field">
      <span>{props.label}</span>
      <select
        aria-label={props.label}
        disabled={props.lockedBy !== undefined}
        aria-describedby={props.lockedBy}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
