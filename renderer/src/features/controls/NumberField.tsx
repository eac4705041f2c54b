import { useId, useState } from 'react';
import { useT } from '../../i18n';

interface Props {
  label: string;
  value: number | undefined;
  /** undefined: the field was emptied (the model's default applies). */
  onChange(value: number | undefined): void;
  integer?: boolean;
  placeholder?: string;
  /** The engine's refusal of this value. */
  error?: string | undefined;
  disabled?: boolean;
  step?: string;
}

/**
 * A number the user may leave empty. The text is the user's while typing ("0."): only a number
 * reaches the conversation; a non-number says so and changes nothing.
 */
export function NumberField({ label, value, onChange, integer, placeholder, error, disabled, step }: Props) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [typo, setTypo] = useState<string | null>(null);

  // Another conversation opened (or defaults applied): show its value (adjusted while rendering).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    const typedSame = text.trim() !== '' && Number(text) === value;
    if (!typedSame) setText(value === undefined ? '' : String(value));
    setTypo(null);
  }

  const change = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') {
      setTypo(null);
      onChange(undefined);
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      setTypo(integer ? t('controls.wholeNumber') : t('controls.number'));
      return;
    }
    setTypo(null);
    onChange(n);
  };

  const message = typo ?? error;
  return (
    <div className="setting-field control-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={step ?? (integer ? '1' : 'any')}
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {message && (
        <p id={`${id}-error`} className="control-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
