/**
 * A bare-socket HTTP client for tests: it sends exactly the bytes given (an HTTP library would fix up
 * Expect, Host, duplicate lengths or a smuggled body) and reads one response back.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting to the end of the response. */
  ms: number;
}

function parseHead(head: string): Omit<RawResponse, 'body' | 'ms'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

/** Reads the first final (non-1xx) response from the socket; resolves when it is complete or the socket closes. */
export function readResponse(socket: Socket, startedAt = performance.now(), timeoutMs = 15_000, bodyless = false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error(`no complete response within ${timeoutMs} ms`)), timeoutMs);
    const tryParse = (closed: boolean) => {
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) break;
        const head = parseHead(buffer.subarray(0, end).toString('latin1'));
        if (head.status >= 100 && head.status < 200) {
          buffer = buffer.subarray(end + 4);
          continue;
        }
        const length = bodyless ? '0' : head.headers['content-length'];
        const body = buffer.subarray(end + 4);
        if (length !== undefined ? body.length >= Number(length) : closed) {
          clearTimeout(timer);
          socket.off('data', onData);
          resolve({ ...head, body: body.subarray(0, length === undefined ? undefined : Number(length)).toString('utf8'), ms: performance.now() - startedAt });
        }
        return;
      }
      if (closed) {
        clearTimeout(timer);
        reject(new Error(`connection closed without a response (received ${JSON.stringify(buffer.toString('latin1'))})`));
      }
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      tryParse(false);
    };
    socket.on('data', onData);
    socket.once('close', () => tryParse(true));
    socket.once('error', () => undefined);
  });
}

export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `bytes` on a new connection and returns the response; the connection is then closed. */
export async function rawRequest(port: number, bytes: string | Buffer): Promise<RawResponse> {
  const startedAt = performance.now();
  const socket = await openSocket(port);
  const response = readResponse(socket, startedAt, 15_000, typeof bytes === 'string' && bytes.startsWith('HEAD '));
  socket.write(bytes);
  try {
    return await response;
  } finally {
    socket.destroy();
  }
}

/** A request head with CRLF line ends, from lines. */
export function head(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Everything the server sends on `socket` until it closes the connection (or `timeoutMs` passes), as text. */
export function receivedUntilClose(socket: Socket, timeoutMs = 15_000): Promise<{ text: string; closed: boolean; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      resolve({ text, closed, ms: performance.now() - started });
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('error', () => undefined);
    socket.once('close', () => done(true));
  });
}
