import { connect, type Socket } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

/** An answer as `HttpConnection` reads it: its status code and body bytes, or `error` when none came. */
export type HttpAnswer = { readonly status: number; readonly body: Buffer } | 'error';

/**
 * A request as the bytes an HTTP/1.1 client writes: the request line, `host`, the headers given and,
 * with a body, its `content-length`, then the body. Prepared ahead, so sending it costs only a write.
 */
export function httpRequestBytes(method: string, url: URL, headers: Readonly<Record<string, string>>, body?: Buffer): Buffer {
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (body !== undefined) lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body === undefined ? head : Buffer.concat([head, body]);
}

/**
 * One keep-alive HTTP/1.1 connection for benchmarks: it sends prepared request bytes
 * (`httpRequestBytes`), one request at a time, and reads back the status code and as many body bytes
 * as Content-Length says (none for 204 and 304). Any other answer without Content-Length (chunked), a
 * broken connection or an unparsable head counts as `error` and closes the connection. This is the
 * whole client cost of a request, a fraction of node:http's or fetch's, so a bench measures the
 * server, not its client.
 */
export class HttpConnection {
  private pending: ((answer: HttpAnswer) => void) | undefined;
  private buffered: Buffer = Buffer.alloc(0);
  private status = 0;
  private bodyLeft = -1;
  private body: Buffer[] = [];
  private broken = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => this.fail());
    socket.on('close', () => this.fail());
  }

  static open(url: URL): Promise<HttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port) });
      socket.once('connect', () => resolve(new HttpConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes one request and resolves with its answer, or `error`. */
  send(request: Buffer): Promise<HttpAnswer> {
    if (this.broken) return Promise.resolve('error');
    return new Promise((resolve) => {
      this.pending = resolve;
      this.socket.write(request);
    });
  }

  close(): void {
    this.broken = true;
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    let data = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (data.length > 0) {
      if (this.bodyLeft < 0) {
        const end = data.indexOf(HEAD_END);
        if (end < 0) break;
        const head = data.toString('latin1', 0, end);
        const length = CONTENT_LENGTH.exec(head);
        this.status = Number(head.slice(9, 12));
        const bodiless = this.status === 204 || this.status === 304;
        if ((length === null && !bodiless) || !Number.isInteger(this.status)) return this.fail();
        this.bodyLeft = length === null ? 0 : Number(length[1]);
        data = data.subarray(end + HEAD_END.length);
      }
      const taken = Math.min(this.bodyLeft, data.length);
      if (taken > 0) this.body.push(data.subarray(0, taken));
      this.bodyLeft -= taken;
      data = data.subarray(taken);
      if (this.bodyLeft > 0) break;
      this.bodyLeft = -1;
      const body = this.body.length === 1 ? this.body[0]! : Buffer.concat(this.body);
      this.body = [];
      this.settle({ status: this.status, body });
    }
    this.buffered = data.length === 0 ? Buffer.alloc(0) : Buffer.from(data);
  }

  private settle(answer: HttpAnswer): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(answer);
  }

  private fail(): void {
    if (!this.broken) this.socket.destroy();
    this.broken = true;
    this.settle('error');
  }
}
