/**
 * The handover package (*.blocdesk), format version 1.
 *
 * A ZIP archive holding:
 *   manifest.json   PackageManifest (below), written last
 *   data.json       BlocData of one bloc (all years, all records), UTF-8, NFC
 * The manifest lists the SHA-256 of every other entry; a package whose entries do not match,
 * that lacks an entry, carries an unknown entry, or whose schemaVersion is newer than the app's,
 * is refused. Older schema versions are migrated on read (shared/model/migrations.ts).
 * Nothing else is allowed in the archive: no directories, links, duplicate names, overlapping or
 * hidden bytes (electron/services/zip/zip-guard.ts), and the data must pass the record schemas and
 * the consistency rules (shared/package/consistency.ts).
 */
import { z } from 'zod';
import { KINDS, type RecordKey } from '../model/registry';

export const PACKAGE_FORMAT = 'blocdesk-handover';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = 'blocdesk';
const MB = 1024 * 1024;
/**
 * Bounds of what a package may be, against zip bombs and padded files (what a real bloc needs, with
 * headroom): a 10-year bloc of 60 units and 200 criteria with a score, a note and two history entries
 * for every unit × criterion × year, every import and 120 scanned signatures and stamps is about
 * 93 MB of data.json and 9 MB zipped (bench/package.bench.ts measures it, and the time and memory
 * a read takes).
 */
export const PACKAGE_MAX_FILE_BYTES = 64 * MB;
/** data.json once inflated. */
export const PACKAGE_MAX_DATA_BYTES = 128 * MB;
/** manifest.json once inflated (a few hundred bytes in practice). */
export const PACKAGE_MAX_MANIFEST_BYTES = 256 * 1024;
/** Everything the package inflates to. */
export const PACKAGE_MAX_UNPACKED_BYTES = PACKAGE_MAX_DATA_BYTES + PACKAGE_MAX_MANIFEST_BYTES;

/** How many records of each kind of the registry; a kind newer than the package reads as 0 (migrated). */
export const PackageCountsSchema = z.object(
  Object.fromEntries(KINDS.map((k) => [k.key, k.since === 1 ? z.number().int().min(0) : z.number().int().min(0).default(0)])) as {
    [K in RecordKey]: z.ZodNumber;
  },
);
export type PackageCounts = z.infer<typeof PackageCountsSchema>;

export const PackageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  createdAt: z.string().max(40),
  /** The secretariat (agency) that made the package. */
  createdBy: z.string().max(300),
  bloc: z.object({ id: z.string().max(64), name: z.string().max(300), shortName: z.string().max(120) }),
  years: z.array(z.number().int()).max(200),
  counts: PackageCountsSchema,
  /** entry name → lowercase hex SHA-256 of its bytes. */
  checksums: z.record(z.string().max(200), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type PackageManifest = z.infer<typeof PackageManifestSchema>;

/** What the user sees before choosing to replace or add. */
export interface PackagePreview {
  fileName: string;
  fileBytes: number;
  formatVersion: number;
  schemaVersion: number;
  /** Schema version after migration on read (the app's). */
  migratedFrom: number | null;
  app: { name: string; version: string };
  createdAt: string;
  createdBy: string;
  bloc: { id: string; name: string; shortName: string };
  years: number[];
  counts: PackageCounts;
}
