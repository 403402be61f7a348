/**
 * What only the production server controls (Vite owns the dev server's sockets): slow clients are cut off
 * with 408 within the limit and nothing reaches the exchange, the client's Host never reaches it, and a
 * request in absolute form cannot aim the proxy elsewhere.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { head, openSocket, rawRequest, readResponse } from './testing/raw-http.ts';
import { productionServer, type RunningApp } from './testing/proxy-harness.ts';
import { startUpstream, type StubUpstream } from './testing/stub-upstream.ts';

const CLIENT_TIMEOUT_MS = 800;
/** Node checks open connections on a timer (a quarter of the limit here), so the cut comes a little later;
 * the rest is slack for a busy machine. What matters: cut off, not left open. */
const CUT_OFF_BY_MS = CLIENT_TIMEOUT_MS * 1.25 + 1_500;

describe('the production server', () => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await productionServer.start(upstream.url, { clientTimeoutMs: CLIENT_TIMEOUT_MS });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.received.length = 0;
  });

  async function cutOff(trickle: string[], intervalMs: number) {
    const started = performance.now();
    const socket = await openSocket(app.port);
    const response = readResponse(socket, started);
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++] ?? '');
    }, intervalMs);
    try {
      return await response;
    } finally {
      clearInterval(timer);
      socket.destroy();
    }
  }

  it('cuts off a client that sends its headers too slowly with 408, and forwards nothing', async () => {
    const lines = ['GET /api/time HTTP/1.1\r\n', `Host: 127.0.0.1:${app.port}\r\n`, ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`), '\r\n'];
    const response = await cutOff(lines, 100);
    expect(response.status).toBe(408);
    expect(response.headers['x-everstrike-proxy']).toBe('not-forwarded');
    expect(JSON.parse(response.body)).toMatchObject({ code: 408 });
    expect(response.ms).toBeLessThan(CUT_OFF_BY_MS);
    expect(upstream.received).toHaveLength(0);
  });

  it('cuts off a client that sends its body too slowly with 408, and forwards nothing', async () => {
    const body = 'asset=ETH&qty=0.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';
    const start = head('POST /api/auth/withdraw HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Content-Type: application/x-www-form-urlencoded', `Content-Length: ${body.length}`);
    const response = await cutOff([start, ...body.split('')], 100);
    expect(response.status).toBe(408);
    expect(response.ms).toBeLessThan(CUT_OFF_BY_MS);
    expect(upstream.received).toHaveLength(0);
  });

  it('closes a connection that never sends a request', async () => {
    const response = await cutOff([], 1_000);
    expect(response.status).toBe(408);
    expect(response.ms).toBeLessThan(CUT_OFF_BY_MS);
  });

  it("never sends the client's Host to the exchange", async () => {
    const response = await rawRequest(app.port, head('GET /api/time HTTP/1.1', `Host: localhost:${app.port}`, 'Connection: close'));
    expect(response.status).toBe(200);
    expect(upstream.received.map((request) => request.headers.host)).toEqual([new URL(upstream.url).host]);
  });

  it('does not let an absolute-form request target choose where the request goes', async () => {
    const response = await rawRequest(app.port, head('GET http://evil.example/api/time HTTP/1.1', `Host: 127.0.0.1:${app.port}`, 'Connection: close'));
    expect([400, 404]).toContain(response.status);
    expect(upstream.received).toHaveLength(0);
  });

  it('answers malformed HTTP with 400 on the socket, and forwards nothing', async () => {
    const response = await rawRequest(app.port, 'GET /api/time HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expect(response.status).toBe(400);
    expect(upstream.received).toHaveLength(0);
  });
});
