/**
 * A V8 startup snapshot cannot hold ICU objects (Intl.Collator, Intl.NumberFormat: V8 fails
 * "global handle not serialized"), yet shared/text/vietnamese.ts keeps one collator and a few
 * number formats for the life of the process. While the CLI snapshot is built (electron/cli/snapshot.ts,
 * which imports this module first), those constructors make stand-ins that create the real ICU
 * object on first use; `dropIntlObjects` lets go of them before the snapshot is written, and
 * `restoreIntl` puts the real constructors back for the run. A stand-in answers the same calls
 * (compare, format, formatToParts, resolvedOptions) with the same results.
 */
type Ctor<T> = new (...args: never[]) => T;

const drops: (() => void)[] = [];
const RealCollator = Intl.Collator;
const RealNumberFormat = Intl.NumberFormat;

function standIn<T extends object>(Real: Ctor<T>, methods: readonly (keyof T & string)[]): Ctor<T> {
  function Lazy(this: Record<string, unknown>, ...args: never[]) {
    let real: T | undefined;
    const get = (): T => (real ??= new Real(...args));
    for (const m of methods) this[m] = (...a: unknown[]) => (get()[m] as (...x: unknown[]) => unknown).apply(get(), a);
    drops.push(() => (real = undefined));
  }
  Object.assign(Lazy, Real); // supportedLocalesOf
  return Lazy as unknown as Ctor<T>;
}

/** Installs the stand-ins; done at build time, before any module makes its Intl objects. */
export function lazyIntlWhileBuilding(): void {
  Object.assign(Intl, {
    Collator: standIn(RealCollator, ['compare', 'resolvedOptions']),
    NumberFormat: standIn(RealNumberFormat, ['format', 'formatToParts', 'formatRange', 'formatRangeToParts', 'resolvedOptions']),
  });
}

/** Releases every ICU object the stand-ins made (they make them again on next use). */
export function dropIntlObjects(): void {
  for (const d of drops) d();
}

/** The real constructors again, for the objects made during the run. */
export function restoreIntl(): void {
  Object.assign(Intl, { Collator: RealCollator, NumberFormat: RealNumberFormat });
}

lazyIntlWhileBuilding();
