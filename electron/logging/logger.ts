/**
 * The app's log: one text file in the data directory (`logs/qwen-desk.log`, rolled over to
 * `qwen-desk.1.log` past 1 MB), plain Node only, so the Electron shell and browser mode share it.
 * Every line passes through `redact` first: the API key and Authorization headers never reach it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, makeFilePrivate } from '../core/private-files';
import { redact } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FileLoggerOptions {
  dataDir: string;
  /** Keys to hide, asked on every line (a key saved during the run is included at once). */
  secrets?: () => readonly string[];
  maxBytes?: number;
  /** Also echo warnings and errors to stderr (off in tests). */
  echo?: boolean;
}

export const LOG_DIR = 'logs';
export const LOG_FILE = 'qwen-desk.log';

export function createFileLogger(options: FileLoggerOptions): Logger & { file: string } {
  const dir = path.join(options.dataDir, LOG_DIR);
  const file = path.join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  let broken = false;
  let ready = false;

  const write = (level: LogLevel, message: string) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${redact(message, options.secrets?.() ?? [])}\n`;
    if (options.echo && level !== 'info') process.stderr.write(line);
    if (broken) return;
    try {
      if (!ready) {
        // Once per run: the folder and an earlier version's log become private (umask-independent).
        ensurePrivateDir(dir);
        makeFilePrivate(file);
        ready = true;
      }
      if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) {
        fs.renameSync(file, path.join(dir, LOG_FILE.replace(/\.log$/, '.1.log')));
      }
      const fresh = !fs.existsSync(file);
      fs.appendFileSync(file, line, { mode: 0o600 });
      if (fresh) makeFilePrivate(file);
    } catch (err) {
      // A log that cannot be written must not break the app; say so once.
      broken = true;
      process.stderr.write(`Qwen Desk: the log file cannot be written (${String(err)}).\n`);
    }
  };

  return {
    file,
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}

/** For tests and callers that do not log. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
