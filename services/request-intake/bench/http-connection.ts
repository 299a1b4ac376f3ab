import { connect, type Socket } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

/**
 * One keep-alive HTTP/1.1 connection that sends prepared request bytes, one request at a time, and
 * reads back only what a load generator needs: the status code, then as many body bytes as
 * Content-Length says, which it skips. An answer without Content-Length (chunked), a broken
 * connection or an unparsable head counts as `error` and closes the connection. This is the whole
 * client cost of a request, a fraction of node:http's.
 */
export class HttpConnection {
  private pending: ((status: number | 'error') => void) | undefined;
  private buffered: Buffer = Buffer.alloc(0);
  private status = 0;
  private bodyLeft = -1;
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

  /** Writes one request and resolves with its answer's status, or `error`. */
  send(request: Buffer): Promise<number | 'error'> {
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
        if (length === null || !Number.isInteger(this.status)) return this.fail();
        this.bodyLeft = Number(length[1]);
        data = data.subarray(end + HEAD_END.length);
      }
      const skipped = Math.min(this.bodyLeft, data.length);
      this.bodyLeft -= skipped;
      data = data.subarray(skipped);
      if (this.bodyLeft > 0) break;
      this.bodyLeft = -1;
      this.settle(this.status);
    }
    this.buffered = data.length === 0 ? Buffer.alloc(0) : Buffer.from(data);
  }

  private settle(status: number | 'error'): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(status);
  }

  private fail(): void {
    if (!this.broken) this.socket.destroy();
    this.broken = true;
    this.settle('error');
  }
}
