import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { qwen } from '../api/qwen';
import './area-boundary.css';

/**
 * An error boundary around one area of the window (sidebar, messages, a panel): when something in
 * it throws while rendering (bad data), only that area shows a message, with "Reload" and where the
 * log is, and the rest of the app keeps working. `resetKey` changing (another conversation opened)
 * gives the area a fresh try, as "Reload" does.
 */
export class AreaBoundary extends Component<
  { area: MessageKey; resetKey?: unknown; children: ReactNode },
  { error: Error | null; resetKey: unknown }
> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: unknown },
    state: { error: Error | null; resetKey: unknown },
  ) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Qwen Desk: the ${this.props.area} area failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <AreaFailed
        area={this.props.area}
        message={this.state.error.message}
        onReload={() => this.setState({ error: null })}
      />
    );
  }
}

function AreaFailed(props: { area: MessageKey; message: string; onReload: () => void }) {
  const t = useT();
  const logPath = useLogPath();
  return (
    <div role="alert" className="area-failed" data-area-failed={props.area}>
      <p>
        <strong>{t('boundary.title', { area: t(props.area) })}</strong>
      </p>
      <p className="detail">{props.message}</p>
      <p>{logPath ? t('boundary.log', { path: logPath }) : t('boundary.noLog')}</p>
      <button type="button" onClick={props.onReload}>
        {t('boundary.reload')}
      </button>
    </div>
  );
}

/** The main process's log file, asked once per failure message (app.info). */
function useLogPath(): string | null {
  const [logPath, setLogPath] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qwen()
      .invoke('app.info', undefined)
      .then((r) => {
        if (live && r.ok) setLogPath(r.value.logPath);
      });
    return () => {
      live = false;
    };
  }, []);
  return logPath;
}
