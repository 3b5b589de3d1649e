/** Small text helpers for layout: Vietnamese upper case, line wrapping estimates, document numbers. */
import { withNumberPrefix } from '../../../../shared/domain/register/number-line';
import { documentNumber, upperVi } from '../../../../shared/text/vietnamese';
import { textWidth } from './metrics';

export { upperVi };

/** Greedy word wrap with the serif font's metrics: the lines the text will take in `width` points. */
export function wrapLines(text: string, width: number, fontSize: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks the text into as many lines as a greedy wrap needs, but with the breaks chosen so the
 * lines are as even as possible ("KHỐI THI ĐUA / VĂN HÓA - XÃ HỘI" rather than a lone last word).
 * Header lines are centred, so even lines read as intended.
 */
export function balancedLines(text: string, width: number, fontSize: number, bold: boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const count = wrapLines(text, width, fontSize, bold).length;
  if (count <= 1 || words.length <= count) return wrapLines(text, width, fontSize, bold);
  const w = (from: number, to: number) => textWidth(words.slice(from, to).join(' '), fontSize, bold);
  // best[k][i]: smallest possible widest line when words[0..i) take k lines.
  const n = words.length;
  const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let k = 1; k <= count; k++) {
    for (let i = 1; i <= n; i++) {
      for (let j = k - 1; j < i; j++) {
        const prev = best[k - 1]![j]!;
        if (prev === Infinity) continue;
        const line = w(j, i);
        if (line > width) continue;
        const value = Math.max(prev, line);
        if (value < best[k]![i]!) {
          best[k]![i] = value;
          cut[k]![i] = j;
        }
      }
    }
  }
  if (best[count]![n] === Infinity) return wrapLines(text, width, fontSize, bold);
  const lines: string[] = [];
  for (let k = count, i = n; k > 0; k--) {
    const j = cut[k]![i]!;
    lines.unshift(words.slice(j, i).join(' '));
    i = j;
  }
  return lines;
}

/** Width of the widest line the text wraps to. */
export function widestLine(text: string, width: number, fontSize: number, bold: boolean): number {
  return Math.max(0, ...wrapLines(text, width, fontSize, bold).map((l) => textWidth(l, fontSize, bold)));
}

/**
 * The number line as printed: State format "Số: 05/BB-KTĐ", Party format "Số 127-QĐ/TW".
 * `raw` may be the bare number-and-symbol ("05/BB-KTĐ") or already carry "Số".
 */
export function numberLine(raw: string, partyFormat: boolean): string {
  return withNumberPrefix(raw, partyFormat);
}

/** Party-format number: "Số 127-QĐ/TW" (below 10 with a leading zero, as in the State format). */
export function partyDocumentNumber(n: number, type: string, issuer: string): string {
  return `Số ${n < 10 ? String(n).padStart(2, '0') : String(n)}-${type}/${issuer}`;
}

export { documentNumber };
