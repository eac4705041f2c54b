import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal panel sliding in from the right (Settings, Conversation settings): takes focus when it
 * opens, closes on Esc or its close button, named by its heading.
 */
export function SidePanel(props: {
  titleId: string;
  title: string;
  closeLabel: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { onClose } = props;
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="settings-backdrop">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.titleId}
        className={`settings-panel${props.className ? ` ${props.className}` : ''}`}
        tabIndex={-1}
      >
        <header>
          <h2 id={props.titleId}>{props.title}</h2>
          <button type="button" onClick={onClose}>
            {props.closeLabel}
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}
