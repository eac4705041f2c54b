import { useId } from 'react';

interface Props {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Why the switch cannot be changed for this model; the switch is disabled when set. */
  lockedReason?: string | null;
  /** A checkbox rather than a switch (JSON mode is a format choice, not an on/off feature). */
  checkbox?: boolean;
}

/** An on/off control, disabled with its reason shown when the model decides for the user. */
export function SwitchField({ label, checked, onChange, lockedReason, checkbox }: Props) {
  const id = useId();
  return (
    <div className={`control-switch${lockedReason ? ' locked' : ''}`}>
      <label>
        <input
          type="checkbox"
          role={checkbox ? undefined : 'switch'}
          checked={checked}
          disabled={!!lockedReason}
          aria-describedby={lockedReason ? `${id}-reason` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {lockedReason && (
        <p id={`${id}-reason`} className="control-reason">
          {lockedReason}
        </p>
      )}
    </div>
  );
}
