/** Fills self scores into a returned template with openpyxl (as a unit's Excel would), matching rows by the code in column A. */
import { execFileSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

const FILL_SCRIPT = `
import json, sys
from openpyxl import load_workbook
src, dst, values = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = load_workbook(src)
ws = wb['Tự chấm điểm']
for row in ws.iter_rows(min_row=1):
    code = row[0].value
    if isinstance(code, str) and code.strip() in values:
        row[4].value = values[code.strip()]
        row[5].value = 'Minh chứng: báo cáo năm 2024'
wb.save(dst)
`;

export function fillTemplate(template: string, target: string, values: Record<string, number | string>): void {
  execFileSync(PYTHON, ['-c', FILL_SCRIPT, template, target, JSON.stringify(values)]);
}
