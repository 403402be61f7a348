// @vitest-environment node
/**
 * The production server's connection limits over real sockets (Vite owns the dev server's sockets): a body is
 * invited with `100 Continue` only when its declared length fits, an idle keep-alive connection is closed
 * after about 5 s, and connections beyond the cap are closed at once while the others are served.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { resolveEverstrikeTarget } from './exchange-target.ts';
import { head, openSocket, readResponse, receivedUntilClose } from './testing/raw-http.ts';
import { productionServer, type RunningApp } from './testing/proxy-harness.ts';
import { startUpstream, type StubUpstream } from './testing/stub-upstream.ts';

const SIGNED_BODY = 'asset=ETH&qty=0.5&address=0x829bd824b016326a401d083b33d092293333a830&timestamp=1700000000000';

/** Resolves with what the socket received once `pattern` appears in it (or after `ms` without it). */
function receivedWithin(socket: Socket, ms: number, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve(text);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (pattern.test(text)) finish();
    };
    const timer = setTimeout(finish, ms);
    socket.on('data', onData);
  });
}

describe('the production server, by default', () => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await productionServer.start(upstream.url);
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.received.length = 0;
  });

  const withdrawHead = (length: number) =>
    head(
      'POST /api/auth/withdraw HTTP/1.1',
      `Host: 127.0.0.1:${app.port}`,
      'Content-Type: application/x-www-form-urlencoded',
      'Expect: 100-continue',
      `Content-Length: ${length}`,
    );

  it('answers 413 to an oversized declared length without inviting the body with 100 Continue', async () => {
    const socket = await openSocket(app.port);
    const received = receivedUntilClose(socket, 5_000);
    socket.write(withdrawHead(20_000));
    const { text, closed } = await received;
    expect(closed).toBe(true);
    expect(text).not.toMatch(/HTTP\/1\.1 100/);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(upstream.received).toHaveLength(0);
  });

  it('invites a body that fits with 100 Continue, then forwards it', async () => {
    const socket = await openSocket(app.port);
    try {
      socket.write(withdrawHead(SIGNED_BODY.length));
      expect(await receivedWithin(socket, 2_000, /\r\n\r\n/)).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
      const response = readResponse(socket);
      socket.write(SIGNED_BODY);
      expect((await response).status).toBe(200);
      expect(upstream.received.map((request) => request.body.toString())).toEqual([SIGNED_BODY]);
    } finally {
      socket.destroy();
    }
  });

  it('closes an idle keep-alive connection after about 5 s', async () => {
    const socket = await openSocket(app.port);
    const response = readResponse(socket);
    socket.write(head('GET /__everstrike/target HTTP/1.1', `Host: 127.0.0.1:${app.port}`));
    expect((await response).status).toBe(200);
    const { closed, ms } = await receivedUntilClose(socket, 9_000);
    socket.destroy();
    expect(closed).toBe(true);
    expect(ms).toBeGreaterThan(4_000);
    expect(ms).toBeLessThan(7_000);
  }, 15_000);

  it('caps open connections at 256 and keeps slow clients to 10 s', async () => {
    const server = await buildApp({ target: resolveEverstrikeTarget({}), logger: false });
    try {
      expect(server.server.maxConnections).toBe(256);
      expect(server.server.headersTimeout).toBe(10_000);
      expect(server.server.requestTimeout).toBe(10_000);
    } finally {
      await server.close();
    }
  });
});

describe('the production server with 3 connections at most', () => {
  let upstream: StubUpstream;
  let app: RunningApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await productionServer.start(upstream.url, { maxConnections: 3 });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  /** A connection the server has certainly accepted: one request answered on it, kept alive. */
  async function heldConnection(): Promise<Socket> {
    const socket = await openSocket(app.port);
    const response = readResponse(socket);
    socket.write(head('GET /__everstrike/target HTTP/1.1', `Host: 127.0.0.1:${app.port}`));
    expect((await response).status).toBe(200);
    return socket;
  }

  it('closes a connection beyond the cap unanswered, and serves again once one is free', async () => {
    const held = [await heldConnection(), await heldConnection(), await heldConnection()];
    try {
      const extra = await openSocket(app.port);
      const refused = receivedUntilClose(extra, 3_000);
      extra.write(head('GET /api/time HTTP/1.1', `Host: 127.0.0.1:${app.port}`));
      expect(await refused).toMatchObject({ closed: true, text: '' });
      expect(upstream.received).toHaveLength(0);

      held.pop()?.destroy();
      await expect.poll(async () => (await heldConnection().then((socket) => held.push(socket)).then(() => true, () => false))).toBe(true);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
