/**
 * Breaks an agency's name into centred lines the way Vietnamese letterheads do: lines of similar
 * width, never inside a word of two syllables ("ĐÀO / TẠO"), and inside a known phrase only where
 * letterheads customarily break it ("SỞ GIÁO DỤC / VÀ ĐÀO TẠO", "SỞ LAO ĐỘNG - / THƯƠNG BINH /
 * VÀ XÃ HỘI"). Widths come from the serif font's metrics (metrics.ts).
 */
import { fold } from '../../../../shared/text/vietnamese';
import { textWidth } from './metrics';
import { wrapLines } from './text';

/**
 * Words of agency names that must stay on one line. Vietnamese writes a word of several syllables
 * with spaces, so a plain word wrap splits them; these are the ones seen in bloc member names.
 */
export const COMPOUND_WORDS: readonly string[] = [
  'an ninh', 'an toàn', 'bảo hiểm', 'bảo tàng', 'bảo vệ', 'báo chí', 'bệnh viện', 'biên phòng', 'bình đẳng', 'bưu điện',
  'cao đẳng', 'cấp nước', 'chỉ huy', 'chính trị', 'chữa cháy', 'chữ thập đỏ', 'cơ quan', 'cơ sở', 'công an', 'công cộng',
  'công dân', 'công nghệ', 'công nghiệp', 'công thương', 'công trình', 'cựu chiến binh', 'cứu nạn', 'cứu hộ', 'dân số',
  'dân tộc', 'dân vận', 'dạy nghề', 'di tích', 'dịch vụ', 'doanh nghiệp', 'du lịch', 'dự án', 'đại học', 'đảng ủy',
  'đào tạo', 'đất đai', 'đầu tư', 'điện ảnh', 'điện lực', 'đô thị', 'đoàn thể', 'gia đình', 'giao dịch', 'giao thông',
  'giáo dục', 'hạ tầng', 'hải quan', 'hành chính', 'hậu cần', 'học viện', 'hội đồng', 'hợp tác', 'huyện ủy', 'kế hoạch',
  'khen thưởng', 'khoa học', 'khuyến học', 'khuyến nông', 'kiểm lâm', 'kiểm sát', 'kiểm soát', 'kiểm toán', 'kiểm tra',
  'kiến trúc', 'kinh tế', 'kho bạc', 'lao động', 'liên đoàn', 'liên hiệp', 'liên minh', 'lưu trữ', 'luật sư', 'mặt trận',
  'môi trường', 'ngân hàng', 'nghệ thuật', 'nghiên cứu', 'ngoại vụ', 'nhà báo', 'nhà nước', 'nhân dân', 'nội chính',
  'nội vụ', 'nông dân', 'nông nghiệp', 'nông thôn', 'phát hành', 'phát thanh', 'phát triển', 'pháp luật', 'pháp lý',
  'phòng cháy', 'phòng chống', 'phụ nữ', 'quản lý', 'quân sự', 'quốc phòng', 'quy hoạch', 'sức khỏe', 'tài chính',
  'tài nguyên', 'tài sản', 'thanh niên', 'thanh tra', 'thành ủy', 'thể thao', 'thi đua', 'thi hành', 'thoát nước',
  'thống kê', 'thông tin', 'thú y', 'thủy lợi', 'thư viện', 'thực phẩm', 'thực vật', 'thương binh', 'thương mại',
  'tỉnh ủy', 'tòa án', 'tôn giáo', 'tổ chức', 'tổ quốc', 'trẻ em', 'trợ giúp', 'trung tâm', 'truyền hình', 'truyền thông',
  'tuyên giáo', 'tư pháp', 'văn hóa', 'văn phòng', 'vận tải', 'viễn thông', 'việc làm', 'xã hội', 'xây dựng', 'xuất bản',
  'xúc tiến', 'y tế', 'ủy ban',
];

/**
 * Phrases of agency names kept on one line when they fit; "|" marks where a letterhead breaks one
 * that does not fit. Two words side by side ("AN TOÀN / THỰC PHẨM") need no entry: a break between
 * whole words is acceptable when the lines are even.
 */
export const NAME_PHRASES: readonly string[] = [
  'giáo dục | và đào tạo',
  'lao động - | thương binh | và xã hội',
  'văn hóa, | thể thao | và du lịch',
  'khoa học | và công nghệ',
  'tài nguyên | và môi trường',
  'nông nghiệp | và phát triển nông thôn',
  'nông nghiệp | và môi trường',
  'thông tin | và truyền thông',
  'kế hoạch | và đầu tư',
  'dân tộc | và tôn giáo',
  'phát thanh | và truyền hình',
  'thi đua - | khen thưởng',
  'khu công nghiệp',
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'mặt trận tổ quốc',
  'hành chính công',
  'hợp tác xã',
  'bảo hiểm xã hội',
  'ban quản lý',
];

/** How much each kind of break costs against the unevenness of the lines (0–100 per line). */
const COST = {
  insideWord: 1000,
  insidePhrase: 150,
  phraseBreakPoint: 10,
  insideParentheses: 100,
  /** A line ending with "và", "của", or a line starting with "-": the joiner hangs. */
  hangingJoiner: 60,
  /** "số / 5": a number torn from the word it belongs to. */
  numberTorn: 300,
  /** Before "(": the remark in parentheses takes a line of its own ("THANH TRA TỈNH / (CƠ SỞ 2)"). */
  beforeParentheses: -20,
  /** Each line beyond the fewest the text needs. */
  extraLine: 40,
} as const;

/** Key of a word for matching: folded, without punctuation around it ("HÓA," → "hoa"). */
const key = (word: string) => fold(word).replace(/^[("“]+|[)"”,.;:]+$/g, '');

interface Pattern {
  words: string[];
  /** Boundaries inside the pattern (1..words.length-1) where a break is customary. */
  breakPoints: Set<number>;
  cost: number;
}

function pattern(text: string, cost: number): Pattern {
  const words: string[] = [];
  const breakPoints = new Set<number>();
  for (const token of text.split(/\s+/).filter(Boolean)) {
    if (token === '|') breakPoints.add(words.length);
    else words.push(key(token));
  }
  return { words, breakPoints, cost };
}

const PATTERNS: Pattern[] = [...COMPOUND_WORDS.map((w) => pattern(w, COST.insideWord)), ...NAME_PHRASES.map((p) => pattern(p, COST.insidePhrase))];

/** Cost of breaking before word `i` (1..n-1), from every pattern covering that boundary. */
export function breakCosts(words: string[]): number[] {
  const keys = words.map(key);
  const costs = new Array<number>(words.length).fill(0);
  for (const p of PATTERNS) {
    for (let start = 0; start + p.words.length <= keys.length; start++) {
      if (!p.words.every((w, k) => keys[start + k] === w)) continue;
      for (let inner = 1; inner < p.words.length; inner++) {
        const at = start + inner;
        costs[at] = Math.max(costs[at]!, p.breakPoints.has(inner) ? COST.phraseBreakPoint : p.cost);
      }
    }
  }
  let depth = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i > 0) {
      if (depth > 0) costs[i] = Math.max(costs[i]!, COST.insideParentheses);
      else if (w.startsWith('(') && costs[i] === 0) costs[i] = COST.beforeParentheses;
      const prev = keys[i - 1]!;
      if (prev === 'va' || prev === 'cua' || w === '-' || w === '–') costs[i] = Math.max(costs[i]!, COST.hangingJoiner);
      if (/^\d+\)?$/.test(keys[i]!) && (prev === 'so' || prev === 'khu' || prev === 'to')) costs[i] = Math.max(costs[i]!, COST.numberTorn);
    }
    depth += (w.match(/\(/g) ?? []).length - (w.match(/\)/g) ?? []).length;
  }
  return costs;
}

/**
 * The lines of `text` in `width` points: the fewest lines a plain wrap needs (or one more, up to
 * `maxLines`, when that avoids a bad break), chosen to minimise the break costs plus the
 * unevenness of the lines. A word wider than the line stays whole on its own line.
 */
export function nameLines(text: string, width: number, fontSize: number, bold = true, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words;
  const fewest = wrapLines(text, width, fontSize, bold).length;
  if (fewest <= 1) return [words.join(' ')];
  const most = Math.min(Math.max(fewest, maxLines), fewest + 1, words.length);
  const costs = breakCosts(words);
  const n = words.length;
  const lineCost = (from: number, to: number): number => {
    const w = textWidth(words.slice(from, to).join(' '), fontSize, bold);
    if (w > width) return to - from === 1 ? 100 : Infinity;
    const slack = (width - w) / width;
    return 100 * slack * slack;
  };
  // best[k][i]: cheapest way to set words[0..i) in k lines; cut[k][i]: where its last line starts.
  const best: number[][] = Array.from({ length: most + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: most + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let k = 1; k <= most; k++) {
    for (let i = k; i <= n; i++) {
      for (let j = k - 1; j < i; j++) {
        const prev = best[k - 1]![j]!;
        if (prev === Infinity) continue;
        const value = prev + lineCost(j, i) + (j > 0 ? costs[j]! : 0);
        if (value < best[k]![i]!) {
          best[k]![i] = value;
          cut[k]![i] = j;
        }
      }
    }
  }
  let lines = fewest;
  let total = Infinity;
  for (let k = fewest; k <= most; k++) {
    const value = best[k]![n]! + COST.extraLine * (k - fewest);
    if (value < total) {
      total = value;
      lines = k;
    }
  }
  if (total === Infinity) return wrapLines(text, width, fontSize, bold);
  const out: string[] = [];
  for (let k = lines, i = n; k > 0; k--) {
    const j = cut[k]![i]!;
    out.unshift(words.slice(j, i).join(' '));
    i = j;
  }
  return out;
}
