/**
 * JSON encoding for the loopback transport (tests and the browser dev mode): Uint8Array values
 * travel as { "$bytes": base64 }. Electron IPC carries them natively and does not use this.
 *
 * The payloads reach 100+ MB (a bloc of 10 years × 60 units × 200 criteria): base64 goes through
 * the platform's own codec where there is one (Node's Buffer; Uint8Array.prototype.toBase64 in
 * recent browsers), and a text with no bytes in it is parsed without a reviver, which is several
 * times slower on large documents (and a value with no bytes is written without a replacer).
 */
import { concatBytes } from '../package/bytes';

const B64 = '$bytes';

type NativeBase64 = { toBase64?: () => string };
type NativeFromBase64 = { fromBase64?: (s: string) => Uint8Array };
type NodeBuffer = {
  from(s: string, enc: 'base64'): Uint8Array;
  from(b: ArrayBufferLike, offset: number, length: number): { toString(enc: 'base64'): string };
};
const NodeBuf = (globalThis as { Buffer?: NodeBuffer }).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (typeof (bytes as NativeBase64).toBase64 === 'function') return (bytes as NativeBase64).toBase64!();
  if (NodeBuf) return NodeBuf.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array {
  const native = (Uint8Array as NativeFromBase64).fromBase64;
  if (typeof native === 'function') return native(b64);
  if (NodeBuf) {
    return new Uint8Array(NodeBuf.from(b64, 'base64')); // a copy of its own (small Buffers share a pool)
  }
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Whether a byte array is anywhere in the value: a walk costs far less than a replacer on every value. */
export function holdsBytes(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (ArrayBuffer.isView(v)) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object' && holdsBytes(x)) return true;
    return false;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return true; // let the replacer see what it gives
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object' && holdsBytes(x)) return true;
  }
  return false;
}

export function encodeWire(value: unknown): string {
  if (!holdsBytes(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return { [B64]: toBase64(v) };
    if (NodeBuf && (NodeBuf as unknown as { isBuffer(x: unknown): boolean }).isBuffer(v)) return { [B64]: toBase64(v as Uint8Array) };
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data))
      return { [B64]: toBase64(Uint8Array.from((v as { data: number[] }).data)) };
    return v;
  });
}

export function decodeWire(text: string): unknown {
  if (!text.includes(`"${B64}"`)) return JSON.parse(text);
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)[B64] === 'string' && Object.keys(v).length === 1)
      return fromBase64((v as Record<string, string>)[B64]!);
    return v;
  });
}

const BLOB = '$blob';

/** The content type of a reply that is one binary frame (encodeWireFrame). */
export const WIRE_FRAME_TYPE = 'application/x-blocdesk-frame';

/**
 * The value as one binary frame (a WebSocket message of the loopback bridge), byte arrays carried
 * as they are (as Electron's IPC carries them), not as base64 text: a bloc sent in parts is 80 MB.
 * Layout: the JSON's length (4 bytes, little-endian), the JSON (UTF-8) with each byte array
 * replaced by {"$blob": i}, then each byte array as its length (4 bytes) and its bytes. Null when
 * the value holds no byte array (send JSON).
 */
export function encodeWireFrame(value: unknown): Uint8Array<ArrayBuffer> | null {
  const pieces = wireFramePieces(value);
  return pieces === null ? null : concatBytes(...pieces);
}

/**
 * encodeWireFrame's bytes as the pieces they are made of, the byte arrays themselves among them
 * (not copied): the page sends them as one Blob, which Chromium hands to its network process far
 * more cheaply than an ArrayBuffer of the same size.
 */
export function wireFramePieces(value: unknown): Uint8Array[] | null {
  if (!holdsBytes(value)) return null;
  const blobs: Uint8Array[] = [];
  const json = new TextEncoder().encode(
    // The holder's own value: a Node Buffer reaches a replacer already turned into {type, data} by its toJSON.
    JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
      const own = this[k];
      if (own instanceof Uint8Array) return { [BLOB]: blobs.push(own) - 1 };
      return v;
    }),
  );
  const length = (n: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return b;
  };
  const pieces: Uint8Array[] = [length(json.length), json];
  for (const b of blobs) pieces.push(length(b.length), b);
  return pieces;
}

/** The value of a frame made by encodeWireFrame; throws on a frame that does not hold together. */
export function decodeWireFrame(frame: Uint8Array): unknown {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const bad = () => new Error('wire frame: broken');
  if (frame.length < 4) throw bad();
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > frame.length) throw bad();
  const blobs: Uint8Array[] = [];
  for (let at = 4 + jsonLength; at < frame.length; ) {
    if (at + 4 > frame.length) throw bad();
    const length = view.getUint32(at, true);
    if (at + 4 + length > frame.length) throw bad();
    blobs.push(frame.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + jsonLength));
  // Parsed without a reviver (several times slower on the 20 MB of records an opened package holds
  // besides its score sheets), then the byte arrays put back in one walk.
  return withBlobs(JSON.parse(text), blobs, bad);
}

/**
 * The value with each {"$blob": i} replaced by byte array i (in place; the value is fresh from
 * JSON.parse). A member is redefined, never assigned: a "__proto__" member would set the prototype.
 */
function withBlobs(v: unknown, blobs: readonly Uint8Array[], bad: () => Error): unknown {
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o) && typeof o[BLOB] === 'number' && Object.keys(o).length === 1) {
    const blob = blobs[o[BLOB] as number];
    if (!blob) throw bad();
    return blob;
  }
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x === null || typeof x !== 'object') continue;
    const y = withBlobs(x, blobs, bad);
    if (y !== x) Object.defineProperty(o, k, { value: y, writable: true, enumerable: true, configurable: true });
  }
  return o;
}
