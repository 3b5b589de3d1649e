/**
 * The bloc's records: what IndexedDB stores (one Dexie table per record kind), what the handover
 * package carries and what main-process services receive. Pure data, validated with zod at every
 * boundary (IPC payloads, package import, CLI input). The schemas live in records-base.ts (schema
 * versions 1–3) and records-yearend.ts (4); every kind is one entry of registry.ts, which builds
 * BlocData; the versions are listed in schema-changes.ts.
 */
export * from './records-base';
export * from './records-yearend';
export { BlocDataSchema, type BlocData, type BlocDataInput } from './registry';
export { SCHEMA_VERSION } from './schema-changes';
