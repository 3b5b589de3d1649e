import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { scoringTablePdf } from '../../../electron/services/documents/service';
import { criterionMethod, groupPoints } from '../../../electron/services/documents/kinds/scoring-table';
import { blocFixture, scoringTableFixture } from './fixtures';
import { probePdf } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;

function dataWithTables(versions: number[]) {
  const data = blocFixture({ units: 8 });
  data.scoringTables = versions.map((v) => scoringTableFixture(data.bloc.id, 2026, v));
  return data;
}

describe('scoring table PDF', () => {
  it('prints the header, groups, criteria, points, scoring method and the total', async () => {
    const probe = probePdf(await scoringTablePdf(dataWithTables([1]), 2026, { assetsDir: ASSETS }));
    const text = probe.layoutText.replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2026');
    expect(text).toContain('Phiên bản 1, đã thông qua ngày 05/01/2026');
    expect(text).toContain('Thực hiện nhiệm vụ chính trị');
    expect(text).toContain('Cả nhóm trừ không quá 10');
    expect(text).toContain('Hoàn thành các chỉ tiêu, nhiệm vụ được');
    expect(text).toContain('TỔNG ĐIỂM CHUẨN');
    expect(text).toContain('Theo số lượng: 5 điểm/lần,');
    for (const code of ['I', 'II', 'III', 'IV', '1.1', '1.2', '2.1', '2.2', '3.1', '4.1']) {
      expect(probe.words.some((w) => w.text === code), `mã ${code}`).toBe(true);
    }
    // Group points: I = 50, bonus +5, deduction -10; the total row prints the scale.
    expect(probe.words.some((w) => w.text === '+5')).toBe(true);
    expect(probe.words.some((w) => w.text === '-10')).toBe(true);
    expect(probe.words.filter((w) => w.text === '50').length).toBeGreaterThanOrEqual(2);
    expect(probe.words.some((w) => w.text === '100')).toBe(true);
    expect(Math.min(...probe.words.map((w) => w.xMin))).toBeGreaterThanOrEqual((30 * 72) / 25.4 - 0.5);
    for (const f of probe.fonts) expect(f.embedded).toBe(true);
  });

  it('prints the latest version unless one is named, with the reason of a later version', async () => {
    const data = dataWithTables([1, 2]);
    const latest = probePdf(await scoringTablePdf(data, 2026, { assetsDir: ASSETS })).layoutText.replace(/\s+/g, ' ');
    expect(latest).toContain('Phiên bản 2 (dự thảo)');
    expect(latest).toContain('Lý do điều chỉnh: Điều chỉnh theo hướng dẫn của Ban Thi đua - Khen thưởng tỉnh');
    const first = probePdf(await scoringTablePdf(data, 2026, { assetsDir: ASSETS }, 1)).layoutText.replace(/\s+/g, ' ');
    expect(first).toContain('Phiên bản 1, đã thông qua');
    expect(first).not.toContain('Lý do điều chỉnh');
  });

  it('says in Vietnamese when the year, the table or the version is missing', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UserError ? [e.code, e.message] : e));
    expect(await codeOf(scoringTablePdf(dataWithTables([]), 2026, { assetsDir: ASSETS }))).toEqual([
      'scoring-table-missing',
      'Năm 2026 chưa có bảng chấm điểm. Hãy lập hoặc nhập bảng chấm điểm trước.',
    ]);
    expect(await codeOf(scoringTablePdf(dataWithTables([1, 2]), 2026, { assetsDir: ASSETS }, 3))).toEqual([
      'scoring-table-version-missing',
      'Bảng chấm điểm năm 2026 không có phiên bản 3 (các phiên bản hiện có: 1, 2).',
    ]);
    const [code] = (await codeOf(scoringTablePdf(dataWithTables([1]), 2025, { assetsDir: ASSETS }))) as string[];
    expect(code).toBe('year-missing');
  });

  it('describes each kind of criterion and caps group points', () => {
    const t = scoringTableFixture('k', 2026);
    const [g1, g2, bonus, deduction] = t.groups;
    expect(groupPoints(g1!)).toBe(50);
    expect(groupPoints({ ...bonus!, cap: 3 })).toBe(3);
    expect(criterionMethod(g2!.criteria[1]!)).toBe('Theo số lượng: 5 điểm/lần, tối đa 25 điểm');
    expect(criterionMethod(deduction!.criteria[0]!)).toBe('Điểm trừ: 1 điểm/lần, trừ tối đa 10 điểm');
    expect(criterionMethod(g1!.criteria[0]!)).toMatch(/^Định lượng/);
  });
});
