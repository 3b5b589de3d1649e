/**
 * The server side of a WebSocket (RFC 6455), as much as the loopback bridge needs: binary and text
 * messages from the page (masked, possibly in fragments), text messages back, ping, close. The bridge
 * sends calls that carry byte arrays this way (loopback-bridge.ts): Chromium copies a fetch body
 * several times between its processes, a WebSocket message once, so an upload of a large bloc
 * through the harness costs about what it costs through Electron's IPC and not five times more.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The 101 answer to a valid opening handshake, or null when the request is not one. */
export function handshakeResponse(req: IncomingMessage): string | null {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || req.headers['sec-websocket-version'] !== '13' || typeof key !== 'string' || key.length === 0) return null;
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  return `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`;
}

/** One frame's header: 2 bytes, then the extended length, then the mask. */
function frameHeader(opcode: number, length: number): Buffer {
  if (length < 126) return Buffer.from([0x80 | opcode, length]);
  if (length < 0x10000) {
    const h = Buffer.alloc(4);
    h[0] = 0x80 | opcode;
    h[1] = 126;
    h.writeUInt16BE(length, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = 0x80 | opcode;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

function unmask(payload: Buffer, mask: Buffer): void {
  let i = 0;
  if (LITTLE_ENDIAN && payload.byteOffset % 4 === 0) {
    const words = new Uint32Array(payload.buffer, payload.byteOffset, payload.length >> 2);
    const m = mask.readUInt32LE(0);
    for (; i < words.length; i++) words[i]! ^= m;
    i *= 4;
  }
  for (; i < payload.length; i++) payload[i]! ^= mask[i & 3]!;
}

export class WsConnection {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The message being put together from fragments. */
  private fragments: Buffer[] | null = null;
  private fragmentsSize = 0;
  private closed = false;

  constructor(
    private readonly socket: Duplex,
    head: Buffer,
    private readonly maxMessageBytes: number,
    private readonly onMessage: (message: Buffer) => void,
  ) {
    socket.on('data', (d: Buffer) => this.receive(d));
    socket.on('error', () => this.close());
    socket.on('close', () => (this.closed = true));
    if (head.length) this.receive(head);
  }

  sendText(text: string): void {
    if (this.closed) return;
    const body = Buffer.from(text, 'utf8');
    this.socket.write(Buffer.concat([frameHeader(0x1, body.length), body]));
  }

  close(code = 1000): void {
    if (this.closed) return;
    this.closed = true;
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code, 0);
    this.socket.end(Buffer.concat([frameHeader(0x8, 2), body]));
  }

  /** The first `n` bytes received and not yet taken, as one buffer (copied when they span chunks). */
  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  /** Takes the next `n` bytes into a buffer of their own. */
  private take(n: number): Buffer {
    const out = Buffer.allocUnsafeSlow(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - at);
      c.copy(out, at, 0, k);
      at += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.size -= n;
    return out;
  }

  private receive(data: Buffer): void {
    if (this.closed) return;
    this.chunks.push(data);
    this.size += data.length;
    while (!this.closed && this.size >= 2) {
      const first = this.peek(2);
      const fin = (first[0]! & 0x80) !== 0;
      const opcode = first[0]! & 0x0f;
      if ((first[1]! & 0x80) === 0) return this.close(1002); // a page's frames are always masked
      let length = first[1]! & 0x7f;
      let at = 2;
      if (length === 126) {
        if (this.size < 4) return;
        length = this.peek(4).readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (this.size < 10) return;
        const big = this.peek(10).readBigUInt64BE(2);
        if (big > BigInt(this.maxMessageBytes)) return this.close(1009);
        length = Number(big);
        at = 10;
      }
      if (length > this.maxMessageBytes || this.fragmentsSize + length > this.maxMessageBytes) return this.close(1009);
      if (this.size < at + 4 + length) return;
      const mask = this.take(at + 4).subarray(at);
      const payload = this.take(length);
      unmask(payload, mask);
      this.frame(fin, opcode, payload);
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === 0x8) return this.close();
    if (opcode === 0x9) {
      this.socket.write(Buffer.concat([frameHeader(0xa, payload.length), payload]));
      return;
    }
    if (opcode === 0xa) return;
    if (opcode === 0x1 || opcode === 0x2) {
      if (this.fragments) return this.close(1002);
      if (fin) return this.onMessage(payload);
      this.fragments = [payload];
      this.fragmentsSize = payload.length;
      return;
    }
    if (opcode === 0x0 && this.fragments) {
      this.fragments.push(payload);
      this.fragmentsSize += payload.length;
      if (!fin) return;
      const message = Buffer.concat(this.fragments);
      this.fragments = null;
      this.fragmentsSize = 0;
      return this.onMessage(message);
    }
    this.close(1002);
  }
}
