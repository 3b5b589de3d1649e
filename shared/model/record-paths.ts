/**
 * Paths to the values inside a record that refer to other records, as the registry declares them:
 *   'unitId'                    a field
 *   'memberUnitIds[]'           every element of an array
 *   'files[].unitId'            a field of every element
 *   'votes{key}'                every key of an object (Record<unitId, number>)
 *   'ballots[].marks{}[]'       every value of an object, then every element (when it is an array)
 * A path that does not match the record's shape (a missing field, null, an array where an object
 * is named) yields nothing, so one path can walk a union (e.g. tick or approve marks).
 */

type Token = { kind: 'field'; name: string } | { kind: 'each' } | { kind: 'values' } | { kind: 'keys' };

const cache = new Map<string, Token[]>();

function tokens(path: string): Token[] {
  let out = cache.get(path);
  if (out) return out;
  out = [];
  for (const part of path.split('.')) {
    const re = /[A-Za-z_$][\w$]*|\[\]|\{\}|\{key\}/gy;
    let m: RegExpExecArray | null;
    let end = 0;
    while ((m = re.exec(part))) {
      const t = m[0];
      out.push(t === '[]' ? { kind: 'each' } : t === '{}' ? { kind: 'values' } : t === '{key}' ? { kind: 'keys' } : { kind: 'field', name: t });
      end = re.lastIndex;
    }
    if (end !== part.length || part === '') throw new Error(`bad record path "${path}"`);
  }
  if (out.some((t, i) => t.kind === 'keys' && i !== out!.length - 1)) throw new Error(`{key} must end the path "${path}"`);
  cache.set(path, out);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function collect(value: unknown, ts: readonly Token[], i: number, out: (string | number)[]): void {
  const t = ts[i];
  if (!t) {
    if (typeof value === 'string' || typeof value === 'number') out.push(value);
    return;
  }
  if (t.kind === 'field') {
    if (isObject(value) && Object.hasOwn(value, t.name)) collect(value[t.name], ts, i + 1, out);
  } else if (t.kind === 'each') {
    if (Array.isArray(value)) for (const v of value) collect(v, ts, i + 1, out);
  } else if (t.kind === 'values') {
    if (isObject(value)) for (const v of Object.values(value)) collect(v, ts, i + 1, out);
  } else if (isObject(value)) out.push(...Object.keys(value));
}

/**
 * The values at `path` in `record` (strings and numbers; nulls are skipped). `into` is emptied and
 * filled instead of a new list: the consistency check asks this of every score, several times.
 */
export function valuesAt(record: unknown, path: string, into: (string | number)[] = []): (string | number)[] {
  into.length = 0;
  const ts = tokens(path);
  const first = ts[0]!;
  if (ts.length === 1 && first.kind === 'field') {
    // One field (most references: 'unitId', 'year'): no walk.
    if (isObject(record) && Object.hasOwn(record, first.name)) {
      const v = record[first.name];
      if (typeof v === 'string' || typeof v === 'number') into.push(v);
    }
    return into;
  }
  collect(record, ts, 0, into);
  return into;
}

function rewrite(value: unknown, ts: readonly Token[], i: number, fn: (v: string) => string): unknown {
  const t = ts[i];
  if (!t) return typeof value === 'string' ? fn(value) : value;
  if (t.kind === 'field') {
    if (!isObject(value) || !Object.hasOwn(value, t.name)) return value;
    return { ...value, [t.name]: rewrite(value[t.name], ts, i + 1, fn) };
  }
  if (t.kind === 'each') return Array.isArray(value) ? value.map((v) => rewrite(v, ts, i + 1, fn)) : value;
  if (!isObject(value)) return value;
  if (t.kind === 'values') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, ts, i + 1, fn)]));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), v]));
}

/** A copy of `record` with every string at `path` replaced by fn(value); the rest shared. */
export function rewriteAt<T>(record: T, path: string, fn: (v: string) => string): T {
  return rewrite(record, tokens(path), 0, fn) as T;
}

/** The first field a path reads (to check it against the record's schema). */
export function headField(path: string): string {
  const t = tokens(path)[0];
  return t?.kind === 'field' ? t.name : '';
}

/**
 * `record` reduced to what `paths` reach, merged into `into` (a copy of the structure along each
 * path, nothing else): a record small enough to hand to another thread and still give valuesAt the
 * same values for those paths.
 */
export function viewAt(record: unknown, paths: readonly string[], into: Record<string, unknown>): Record<string, unknown> {
  for (const path of paths) {
    const view = reduce(record, tokens(path), 0);
    if (view !== undefined) merge(into, view as Record<string, unknown>);
  }
  return into;
}

function reduce(value: unknown, ts: readonly Token[], i: number): unknown {
  const t = ts[i];
  if (!t) return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  if (t.kind === 'field') {
    if (!isObject(value) || !Object.hasOwn(value, t.name)) return undefined;
    const inner = reduce(value[t.name], ts, i + 1);
    return inner === undefined ? undefined : { [t.name]: inner };
  }
  if (t.kind === 'each') return Array.isArray(value) ? value.map((v) => reduce(v, ts, i + 1) ?? null) : undefined;
  if (!isObject(value)) return undefined;
  if (t.kind === 'keys') return Object.fromEntries(Object.keys(value).map((k) => [k, 0]));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reduce(v, ts, i + 1) ?? null]));
}

/** Merges view `b` into view `a` (two paths through the same field). */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(b)) {
    const old = a[k];
    if (Array.isArray(old) && Array.isArray(v)) v.forEach((x, i) => (isObject(old[i]) && isObject(x) ? merge(old[i] as Record<string, unknown>, x) : old[i] === null && (old[i] = x)));
    else if (isObject(old) && isObject(v)) merge(old, v);
    else if (old === undefined || old === null) a[k] = v;
  }
}
