/** Structured fields attached to a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Where the server reports what it does and what went wrong. Stdout is reserved for the single
 * "listening" line of the CLI, so the default logger writes JSON lines to stderr.
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function describeError(value: unknown): unknown {
  if (value instanceof Error) {
    const { name, message, stack } = value;
    return { name, message, stack, ...('code' in value ? { code: value.code } : {}) };
  }
  return value;
}

function write(level: string, message: string, fields?: LogFields): void {
  const line: Record<string, unknown> = { level, time: new Date().toISOString(), message };
  for (const [key, value] of Object.entries(fields ?? {})) line[key] = describeError(value);
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** JSON lines on stderr. `quiet` drops `info` lines (tests, embedding) but never warnings or errors. */
export function createStderrLogger(options: { quiet?: boolean } = {}): Logger {
  return {
    info: (message, fields) => {
      if (!options.quiet) write('info', message, fields);
    },
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
