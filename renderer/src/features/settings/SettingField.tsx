import { useState } from 'react';

/**
 * A text or number field that commits on Enter or when it loses focus (not on every keystroke, so
 * a half-typed URL is not validated and refused). A refused value stays in the field to be fixed.
 */
export function SettingField(props: {
  label: string;
  value: string;
  type?: 'text' | 'url' | 'number';
  placeholder?: string;
  min?: number;
  max?: number;
  onCommit: (value: string) => Promise<boolean>;
}) {
  const [text, setText] = useState(props.value);
  // A new value from main (saved, or refused and reset) replaces what is in the field.
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
  }
  const commit = () => {
    if (text !== props.value) void props.onCommit(text);
  };
  return (
    <label className="setting-field">
      <span>{props.label}</span>
      <input
        type={props.type ?? 'text'}
        aria-label={props.label}
        value={text}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/** A labelled combobox whose choice applies at once. */
export function SettingSelect<V extends string>(props: {
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <label className="setting-field">
      <span>{props.label}</span>
      <select
        aria-label={props.label}
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
