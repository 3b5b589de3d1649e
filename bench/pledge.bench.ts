/**
 * Pledge PDF (bản giao ước thi đua) for 8 and 40 units:
 *   - warm in the documents service (median of N runs after warm-up); target: 40 units < 300 ms
 *   - CLI wall time (`node scripts/cli.mjs pledge ...`, the bundled CLI, on a handover package)
 *   - the same content as HTML turned into PDF by LibreOffice headless, the everyday alternative
 * bench/cli.bench.ts reuses the LibreOffice side for the whole-process comparison.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pledgePdf } from '../electron/services/documents/service';
import { pledgeForYear, pledgeUnits } from '../electron/services/documents/kinds/pledge';
import { buildPackage } from '../electron/services/handover/package-file';
import { signerLines } from '../shared/domain/signer-lines';
import type { BlocData } from '../shared/model/records';
import { placeDateLine, upperVi } from '../shared/text/vietnamese';
import { blocFixture } from '../test/unit/documents/fixtures';
import { ensureCli } from '../scripts/cli-bundle.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const ASSETS = join(ROOT, 'assets');
export const YEAR = 2026;
export const NOW = '2026-01-05T08:00:00.000Z';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function timeService(data: BlocData, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await pledgePdf(data, YEAR, { assetsDir: ASSETS }, NOW);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await pledgePdf(data, YEAR, { assetsDir: ASSETS }, NOW);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function timeCommand(cmd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(cmd, args, { cwd: ROOT, stdio: 'pipe' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The pledge as an HTML page a secretary could print from an office suite. */
export function pledgeHtml(data: BlocData): string {
  const pledge = pledgeForYear(data, YEAR, NOW);
  const units = pledgeUnits(data, pledge);
  const cols = pledge.columns;
  const rows: string[] = [];
  for (let i = 0; i < units.length; i += cols) {
    const cells = units
      .slice(i, i + cols)
      .map(
        (u) => {
          const lines = signerLines(u);
          const titles = [lines.authority, lines.title].filter(Boolean).map((t) => `<b>${esc(t)}</b>`).join('<br/>');
          return `<td style="text-align:center;vertical-align:top;width:${100 / cols}%"><b>${esc(upperVi(u.name))}</b><br/>${titles}<br/><br/><br/><br/><br/><b>${esc(lines.name)}</b></td>`;
        },
      )
      .join('');
    rows.push(`<tr style="page-break-inside:avoid">${cells}</tr>`);
  }
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/><style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
</style></head><body>
<table style="width:100%"><tr>
<td style="text-align:center;vertical-align:top">${esc(upperVi(data.bloc.issuingParent))}<br/><b>${esc(upperVi(data.bloc.issuingBody))}</b><hr style="width:35%"/></td>
<td style="text-align:center;vertical-align:top"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/><b>Độc lập - Tự do - Hạnh phúc</b><hr style="width:70%"/>
<i>${esc(placeDateLine(pledge.place, pledge.date))}</i></td></tr></table>
<h3 style="text-align:center">${esc(pledge.title)}</h3>
${pledge.legalBasis.map((l) => `<p><i>${esc(l)}</i></p>`).join('\n')}
<p>${esc(pledge.intro)}</p>
${pledge.commitments.map((c, i) => `<p><b>${i + 1}.</b> ${esc(c)}</p>`).join('\n')}
<p style="text-align:center;text-indent:0"><b>ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN KÝ GIAO ƯỚC</b></p>
<table style="width:100%">${rows.join('\n')}</table>
</body></html>`;
}

/**
 * Median wall time of LibreOffice headless turning the pledge, as HTML, into PDF (one warm-up run
 * first creates its profile folder, as an office PC already has one).
 */
export function libreOfficePdfTime(data: BlocData, work: string, runs: number): number {
  const html = join(work, `giao-uoc-${data.units.length}.html`);
  writeFileSync(html, pledgeHtml(data));
  const profile = `file://${join(work, 'lo-profile')}`;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, html];
  timeCommand('libreoffice', args, 1);
  const time = timeCommand('libreoffice', args, runs);
  const converted = join(work, `giao-uoc-${data.units.length}.pdf`);
  if (!existsSync(converted) || statSync(converted).size < 1000) throw new Error(`LibreOffice không tạo được ${converted}`);
  return time;
}

export default async function run(): Promise<void> {
  await ensureCli(); // build outside the timed runs
  const work = mkdtempSync(join(tmpdir(), 'blocdesk-bench-pledge-'));
  try {
    const sizes = [8, 40];
    const service = new Map<number, number>();
    const cli = new Map<number, number>();
    const office = new Map<number, number>();
    for (const units of sizes) {
      const data = blocFixture({ units, year: YEAR });
      service.set(units, await timeService(data, 15));

      const pkg = join(work, `khoi-${units}.blocdesk`);
      writeFileSync(pkg, buildPackage(data, { createdBy: 'bench', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW }));
      cli.set(
        units,
        timeCommand(process.execPath, ['scripts/cli.mjs', 'pledge', '--data', pkg, '--year', String(YEAR), '--out', join(work, `cli-${units}.pdf`)], 3),
      );

      office.set(units, libreOfficePdfTime(data, work, 3));
    }
    console.log('Pledge PDF (bản giao ước thi đua), median wall time');
    console.log('units | service warm | CLI (bundle) | LibreOffice HTML→PDF | LibreOffice / service');
    for (const units of sizes) {
      const s = service.get(units) as number;
      const o = office.get(units) as number;
      console.log(
        `${String(units).padStart(5)} | ${ms(s).padStart(12)} | ${ms(cli.get(units) as number).padStart(12)} | ${ms(o).padStart(20)} | ${(o / s).toFixed(1)}×`,
      );
    }
    const forty = service.get(40) as number;
    console.log(`Target 40 units < 300 ms warm in the service: ${forty < 300 ? 'met' : 'NOT met'} (${ms(forty)}).`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
