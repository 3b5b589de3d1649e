/** Independent writers for the test corpus: Debian's openpyxl and LibreOffice headless. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

/** A fresh temporary folder (test/unit/support/temp-cleanup.ts removes it after the run). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `blocdesk-${prefix}-`));
}

/** Runs a Python script (text) with arguments; returns stdout. */
export function runPython(dir: string, script: string, args: string[] = []): string {
  const path = join(dir, `script-${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(path, script);
  return execFileSync(PYTHON, [path, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** Converts (or re-saves) a file with LibreOffice headless into `outDir`; returns the new file's bytes. */
export function libreofficeConvert(file: string, format: string, outDir: string): Uint8Array {
  const profile = `file://${join(tmpdir(), `blocdesk-lo-profile-assessment-${process.pid}`)}`;
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ext = format.split(':')[0]!;
  return new Uint8Array(readFileSync(join(outDir, basename(file).replace(/\.[^.]+$/, `.${ext}`))));
}

/** openpyxl operations on a template, one case per output file (see FILL_SCRIPT). */
export const FILL_SCRIPT = String.raw`
import json, sys, unicodedata
import openpyxl
from openpyxl.styles import Font

spec = json.load(open(sys.argv[1], encoding='utf-8'))
for case in spec:
    wb = openpyxl.load_workbook(case['src'])
    ws = wb['Tự chấm điểm']
    def row_of(code):
        for r in range(1, ws.max_row + 1):
            if ws.cell(r, 1).value == code:
                return r
        raise KeyError(code)
    for op in case['ops']:
        kind = op[0]
        if kind == 'set':            # ('set', code, value)  value may be number, text or '=formula'
            ws.cell(row_of(op[1]), 5).value = op[2]
        elif kind == 'note':         # ('note', code, text, font or None, nfd?)
            text = unicodedata.normalize('NFD', op[2]) if len(op) > 4 and op[4] else op[2]
            c = ws.cell(row_of(op[1]), 6)
            c.value = text
            if op[3]:
                c.font = Font(name=op[3])
        elif kind == 'fill':         # ('fill', {code: value})
            for code, v in op[1].items():
                ws.cell(row_of(code), 5).value = v
        elif kind == 'insert':       # ('insert', row, amount)
            ws.insert_rows(op[1], op[2])
        elif kind == 'delete':       # ('delete', code)
            ws.delete_rows(row_of(op[1]), 1)
        elif kind == 'swap':         # ('swap', codeA, codeB): rows exchange places (a sort/move)
            ra, rb = row_of(op[1]), row_of(op[2])
            for col in range(1, 7):
                a, b = ws.cell(ra, col), ws.cell(rb, col)
                a.value, b.value = b.value, a.value
        elif kind == 'reverse':      # ('reverse', firstCode, lastCode): sort a block descending
            r1, r2 = row_of(op[1]), row_of(op[2])
            block = [[ws.cell(r, c).value for c in range(1, 7)] for r in range(r1, r2 + 1)]
            for i, vals in enumerate(reversed(block)):
                for c, v in enumerate(vals, start=1):
                    ws.cell(r1 + i, c).value = v
        elif kind == 'code':         # ('code', oldCode, newCode)
            ws.cell(row_of(op[1]), 1).value = op[2]
        elif kind == 'rename':       # ('rename', newTitle)
            ws.title = op[1]
        elif kind == 'cell':         # ('cell', row, col, value): any cell of the input sheet (header lines)
            ws.cell(op[1], op[2]).value = op[3]
        elif kind == 'at':           # ('at', code, col, value): a cell of a criterion's row
            ws.cell(row_of(op[1]), op[2]).value = op[3]
        elif kind == 'drop-id-sheet':
            del wb['_blocdesk']
        elif kind == 'drop-keywords':
            wb.properties.keywords = None
        elif kind == 'id':           # ('id', key, value): edit the hidden identification
            ids = wb['_blocdesk']
            for r in range(1, ids.max_row + 1):
                if ids.cell(r, 1).value == op[1]:
                    ids.cell(r, 2).value = op[2]
            if wb.properties.keywords:
                parts = [p for p in wb.properties.keywords.split(';') if not p.startswith(op[1] + '=')]
                wb.properties.keywords = ';'.join(parts + [op[1] + '=' + str(op[2])])
        else:
            raise ValueError(kind)
    wb.save(case['out'])
print('ok', len(spec))
`;
