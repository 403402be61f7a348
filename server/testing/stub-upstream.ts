/**
 * A stand-in exchange for tests: it records every request that reaches it (method, URL, headers, exact body
 * bytes) and answers with the behaviour the test queued, or with a small JSON envelope by default.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type UpstreamBehaviour = (req: IncomingMessage, res: ServerResponse) => void;

export interface StubUpstream {
  url: string;
  received: ReceivedRequest[];
  /** The behaviour for the next request(s); the default answers 200 with an envelope. */
  next: (behaviour: UpstreamBehaviour) => void;
  close: () => Promise<void>;
}

export const answerEnvelope: UpstreamBehaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code: 200, msg: '', result: 1_700_000_000_000 }));
};

export async function startUpstream(tls?: { key: string; cert: string }): Promise<StubUpstream> {
  const received: ReceivedRequest[] = [];
  const queue: UpstreamBehaviour[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      (queue.shift() ?? answerEnvelope)(req, res);
    });
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    received,
    next: (behaviour) => queue.push(behaviour),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An origin on which nothing listens (a port that was just free). */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
