/**
 * The register as stored (records `registerEntries`, shared/model/records-yearend.ts) and as the
 * register's rules see it (types.ts): one mapping each way, and the bloc's symbol in force.
 */
import type { Bloc, BlocData, RegisterEntry as RegisterRecord } from '../../model/records';
import { registerYearOf, isRegisterType } from './register';
import { cleanSymbol, defaultBlocSymbol } from './symbol';
import type { RegisterEntry } from './types';

/** The bloc's symbol in document numbers: the one set on the bloc, else the default of its name. */
export function blocSymbolOf(bloc: Pick<Bloc, 'name' | 'shortName' | 'documentSymbol'>): string {
  return cleanSymbol(bloc.documentSymbol ?? '') || defaultBlocSymbol(bloc);
}

/** A stored entry for the rules; its symbol is kept without the type ("BB-KTĐVHXH" → "KTĐVHXH"). */
export function entryOfRecord(r: RegisterRecord): RegisterEntry | null {
  if (!isRegisterType(r.kind)) return null;
  const prefix = `${r.kind}-`;
  return {
    id: r.id,
    year: registerYearOf(r.date),
    type: r.kind,
    number: r.number,
    symbol: r.symbol.startsWith(prefix) ? r.symbol.slice(prefix.length) : r.symbol,
    date: r.date,
    documentKind: r.documentKind,
    blocYear: r.year,
    summary: r.summary,
    signer: r.signer,
    issuedAt: r.createdAt,
    voided: r.voidedAt ? { at: r.voidedAt, reason: r.voidReason } : null,
  };
}

/** An entry of the rules as stored: `year` is the emulation year it belongs to, the symbol carries the type. */
export function recordOfEntry(e: RegisterEntry, blocId: string): RegisterRecord {
  return {
    id: e.id,
    blocId,
    year: e.blocYear,
    kind: e.type,
    number: e.number,
    symbol: `${e.type}-${e.symbol}`,
    date: e.date,
    summary: e.summary,
    signer: e.signer,
    documentKind: e.documentKind,
    voidedAt: e.voided?.at ?? null,
    voidReason: e.voided?.reason ?? '',
    createdAt: e.issuedAt,
  };
}

/** Every entry of the bloc's register (all years: numbers run per calendar year across emulation years). */
export function registerOf(data: Pick<BlocData, 'registerEntries'>): RegisterEntry[] {
  return (data.registerEntries ?? []).map(entryOfRecord).filter((e): e is RegisterEntry => e !== null);
}
