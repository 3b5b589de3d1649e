/**
 * JSON encoding for the loopback transport (tests and the browser dev mode): Uint8Array values
 * travel as { "$bytes": base64 }. Electron IPC carries them natively and does not use this.
 */
const B64 = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return { [B64]: toBase64(v) };
    if (typeof Buffer !== 'undefined' && Buffer.isBuffer(v)) return { [B64]: toBase64(new Uint8Array(v)) };
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data))
      return { [B64]: toBase64(Uint8Array.from((v as { data: number[] }).data)) };
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)[B64] === 'string' && Object.keys(v).length === 1)
      return fromBase64((v as Record<string, string>)[B64]!);
    return v;
  });
}
