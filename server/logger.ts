/**
 * The server's log, through Fastify's own logger (pino), written as short lines a person can read in the
 * terminal that runs `npm start`: "19:05:03 GET /api/time 200 3 ms". Only the message is printed (and an
 * error's message, never its stack); header values and bodies are never logged, and redaction removes them
 * should a log call ever include them.
 */
import type { FastifyServerOptions } from 'fastify';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

interface PinoLine {
  level?: number;
  time?: number;
  msg?: string;
  err?: { message?: string };
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 40: 'warning', 50: 'error', 60: 'fatal' };

/** Control characters and overlong text never reach the terminal. */
function printable(text: string, max = 400): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** One pino JSON line → one terse line ("HH:MM:SS [warning: ]message[: error message]"). */
export function formatLogLine(json: string): string {
  let line: PinoLine;
  try {
    line = JSON.parse(json) as PinoLine;
  } catch {
    return printable(json.trim());
  }
  const time = new Date(line.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = LEVEL_NAMES[line.level ?? 30];
  const error = line.err?.message ? `: ${line.err.message}` : '';
  return `${time} ${level ? `${level}: ` : ''}${printable(`${line.msg ?? ''}${error}`)}`;
}

export interface LogSink {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Lines for one stream, written together once the current burst of work is done: under load that is one
 * write call for many requests instead of one each. Whatever is pending is written before the process exits.
 */
function batchedWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    stream.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

const processSink: LogSink = { out: batchedWriter(process.stdout), err: batchedWriter(process.stderr) };

/** Fastify logger options: info and up, terse lines, warnings and errors on stderr. */
export function terseLogger(sink: LogSink = processSink, level = 'info'): LoggerOptions {
  return {
    level,
    base: null,
    redact: {
      paths: ['headers', 'body', 'req.headers', 'req.body', 'res.headers', 'err.headers', 'err.body'],
      remove: true,
    },
    stream: {
      write(json: string) {
        const isWarning = /"level":(?:[4-9]\d)/.test(json);
        (isWarning ? sink.err : sink.out)(formatLogLine(json));
      },
    },
  };
}

/** The URL path without its query string, for log lines. */
export function logPath(rawUrl: string | undefined): string {
  return (rawUrl ?? '').split('?', 1)[0] ?? '';
}
