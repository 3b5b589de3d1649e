/**
 * Inspecting returned files, step 1: reading the files. Files missing or too large on disk, bytes
 * that are no usable workbook: each gets a refused report of its own, so a batch never stops at a
 * bad file. A usable file comes back loaded, with the sheet XML parts that later steps read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { UserError } from '../../../shared/errors';
import { externalLinkTargets, FormulaResults, type ExternalLink } from '../excel/sheet-xml';
import { DEFAULT_WORKBOOK_LIMITS, loadWorkbookWithParts } from '../excel/workbook-guard';

export interface InspectInput {
  name: string;
  bytes: Uint8Array;
}

/** A workbook ready to inspect. */
export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Cached formula results exceljs loses, read from the sheet XML on demand. */
  results: FormulaResults;
  /** Other files the workbook's formulas link to. */
  linkedFiles: ExternalLink[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The report of a file that could not be read as a self-assessment at all. */
export function refusedFileReport(
  file: { name: string; size: number; sha256: string },
  kind: string,
  message: string,
): InspectReport {
  return {
    file: file.name,
    ok: false,
    refused: true,
    unit: null,
    unitId: null,
    year: null,
    tableVersion: null,
    size: file.size,
    sha256: file.sha256,
    scores: [],
    errors: [{ kind, message }],
    warnings: [],
  };
}

export function refusedReport(file: InspectInput, err: UserError): InspectReport {
  return refusedFileReport({ name: file.name, size: file.bytes.byteLength, sha256: sha256(file.bytes) }, err.code, err.message);
}

/**
 * Reads the files a user chose, refusing missing and oversized ones (by their size on disk,
 * without reading them) with a report of their own.
 */
export async function readWorkbookFiles(paths: string[]): Promise<{ inputs: InspectInput[]; unreadable: InspectReport[] }> {
  const inputs: InspectInput[] = [];
  const unreadable: InspectReport[] = [];
  for (const path of paths) {
    const name = basename(path);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      unreadable.push(refusedFileReport({ name, size: 0, sha256: '' }, 'file-not-found', `Không tìm thấy tệp '${path}'.`));
      continue;
    }
    if (size > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) {
      unreadable.push(
        refusedFileReport(
          { name, size, sha256: '' },
          'workbook-too-large',
          `Tệp '${name}' quá lớn (${(size / 1048576).toFixed(1)} MB) đối với một phiếu tự chấm điểm. Hãy kiểm tra lại đúng tệp chưa.`,
        ),
      );
      continue;
    }
    inputs.push({ name, bytes: new Uint8Array(await readFile(path)) });
  }
  return { inputs, unreadable };
}

/** Opens one file's bytes as a workbook, or gives the refused report saying why not. */
export async function openWorkbook(file: InspectInput): Promise<{ opened: OpenedWorkbook } | { refused: InspectReport }> {
  try {
    const loaded = await loadWorkbookWithParts(file.bytes, file.name);
    return { opened: { workbook: loaded.workbook, results: new FormulaResults(loaded.parts), linkedFiles: externalLinkTargets(loaded.parts) } };
  } catch (err) {
    if (err instanceof UserError) return { refused: refusedReport(file, err) };
    return {
      refused: refusedReport(
        file,
        new UserError('workbook-unreadable', `Tệp '${file.name}' không đọc được. Hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi nhập lại.`),
      ),
    };
  }
}
