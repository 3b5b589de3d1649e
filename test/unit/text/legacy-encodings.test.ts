import { describe, expect, it } from 'vitest';
import {
  TCVN3_CODES,
  TCVN3_LETTERS,
  convertLegacyText,
  detectLegacyEncoding,
  encodingOfFont,
  isVietnameseSyllable,
  toUnicodeFromCell,
} from '../../../shared/text/legacy-encodings';
import { VIETNAMESE_LOWER, toTcvn3, toTcvn3Upper, toVni } from './legacy-encoders';

const SENTENCES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
  'Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn được UBND tỉnh giao trong năm',
  'Tham mưu ban hành văn bản chỉ đạo, điều hành thuộc lĩnh vực quản lý đúng thời hạn, bảo đảm chất lượng',
  'Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực',
  'Khối thi đua Văn hóa - Xã hội năm 2024 (tối đa 5 điểm)',
  'Nguyễn Thị Thủy, Trần Văn Hưởng, Lê Quý Đôn, Phạm Ngọc Thạch',
  'Sở Giáo dục và Đào tạo; Sở Y tế; Sở Văn hoá, Thể thao và Du lịch',
  'Được tặng Cờ thi đua hoặc Bằng khen của Thủ tướng Chính phủ',
  'Quyết định số 05/QĐ-UBND ngày 05/01/2026 về việc khen thưởng',
];

/** Real Unicode text (and some foreign words) that must never be taken for TCVN3 or VNI. */
const UNICODE_TEXTS = [
  ...SENTENCES,
  'Hà Nam', 'Khánh Hòa', 'Tây Ninh', 'Cà Mau', 'Kon Tum', 'Gia Lai', 'An Giang', 'Hòa Bình', 'Lào Cai',
  'Yên Bái', 'Phú Thọ', 'Đà Nẵng', 'Tiền Giang', 'Bến Tre', 'Trà Vinh', 'Cần Thơ', 'Sóc Trăng',
  'Bình Phước', 'Ninh Thuận', 'Lâm Đồng', 'Đắk Lắk', 'Quảng Ngãi', 'Bình Định', 'Phú Yên',
  'Thừa Thiên Huế', 'Hà Tĩnh', 'Nghệ An', 'Thanh Hóa', 'Thanh Hoá', 'Ninh Bình', 'Hưng Yên', 'Lạng Sơn',
  'Tuyên Quang', 'Thái Nguyên', 'Điện Biên', 'Lai Châu', 'Vĩnh Phúc', 'Hà Nội', 'TP. Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu', 'Tháp Chàm', 'Đồng Tháp', 'Núi Bà Đen', 'Ô Môn', 'Ý Yên', 'Ân Thi', 'Ea Súp',
  'Krông Pắc', 'Chư Sê', 'Sìn Hồ', 'Mù Cang Chải', 'Bát Xát', 'Tân Châu', 'Tân Uyên',
  'Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hòa', 'Phạm Ánh', 'Võ Tấn', 'Bùi Thị Xuân', 'Ông', 'Bà', 'Chị', 'Cô',
  'Bác sĩ', 'Kỹ sư', 'Hóa học', 'Hoá học', 'Toán', 'Âm nhạc', 'Mĩ thuật', 'Hoà', 'Thuý', 'Thúy', 'Quý',
  'Khoẻ', 'Khỏe', 'Nhà văn hóa', 'Cà phê', 'Bánh mì', 'Áo dài', 'Tôi là', 'Chào bạn', 'Quê hương',
  'Thuê nhà', 'Quân đội', 'Xuân', 'Quà tặng', 'Què', 'Hoè', 'Khoé', 'Quét', 'Tổng cộng', 'Điểm chuẩn',
  'Ghi chú', 'TT', 'STT', 'Nội dung tiêu chí', 'Đơn vị tự chấm', 'Khối thẩm định', 'HÀ NAM', 'KHÁNH HÒA',
  'TÂY NINH', 'KIÊN GIANG', 'CÀ MAU', 'BÌNH ĐỊNH', 'ÔNG', 'ÂM NHẠC', 'TỔNG CỘNG', 'CHÀO',
  'Hello world', 'Total', 'café au lait', 'naïve résumé', 'São Paulo', 'Zürich', '© 2024 BlocDesk',
  'Ñandú', 'smörgåsbord', 'Ångström', 'Crème brûlée', 'Müller', 'Œuvre', '½ cup', '±5 %', '€100',
  '« Bonjour »', '1.1', 'I', 'VII', '20', '8,5', '',
];

describe('TCVN3 table', () => {
  it('pairs 74 letters with 74 distinct codes', () => {
    expect(Array.from(TCVN3_LETTERS)).toHaveLength(74);
    expect(Array.from(TCVN3_CODES)).toHaveLength(74);
    expect(new Set(TCVN3_CODES).size).toBe(74);
  });
});

describe('TCVN3 → Unicode', () => {
  it('converts every lower-case letter and the seven capitals with codes', () => {
    for (const letter of [...VIETNAMESE_LOWER, 'Ă', 'Â', 'Đ', 'Ê', 'Ô', 'Ơ', 'Ư']) {
      expect(convertLegacyText(toTcvn3(letter), 'tcvn3'), letter).toBe(letter);
    }
  });
  it('converts every letter to its capital with an H font', () => {
    for (const letter of VIETNAMESE_LOWER) {
      const upper = letter.toLocaleUpperCase('vi');
      expect(convertLegacyText(toTcvn3Upper(upper), 'tcvn3', { upper: true }), upper).toBe(upper);
    }
  });
  it('round-trips sentences', () => {
    for (const s of SENTENCES.filter((x) => !/[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/.test(x))) {
      expect(convertLegacyText(toTcvn3(s), 'tcvn3')).toBe(s);
    }
  });
  it('reads the sample file cells as they are stored', () => {
    expect(convertLegacyText('Néi dung tiªu chÝ', 'tcvn3')).toBe('Nội dung tiêu chí');
    expect(convertLegacyText('§iÓm chuÈn', 'tcvn3')).toBe('Điểm chuẩn');
    expect(convertLegacyText('khèi thi ®ua v¨n hãa - x· héi', 'tcvn3', { upper: true })).toBe(
      'KHỐI THI ĐUA VĂN HÓA - XÃ HỘI',
    );
    expect(convertLegacyText('c«ng t¸c thi ®ua, khen th\u00adëng', 'tcvn3', { upper: true })).toBe(
      'CÔNG TÁC THI ĐUA, KHEN THƯỞNG',
    );
  });
  it('leaves ASCII alone', () => {
    expect(convertLegacyText('UBND 2024 (PAR Index)', 'tcvn3')).toBe('UBND 2024 (PAR Index)');
  });
});

describe('VNI → Unicode', () => {
  it('converts every letter in both cases', () => {
    for (const letter of VIETNAMESE_LOWER) {
      expect(convertLegacyText(toVni(letter), 'vni'), letter).toBe(letter);
      const upper = letter.toLocaleUpperCase('vi');
      expect(convertLegacyText(toVni(upper), 'vni'), upper).toBe(upper);
    }
  });
  it('reads known VNI words', () => {
    expect(convertLegacyText('Vieät Nam', 'vni')).toBe('Việt Nam');
    expect(convertLegacyText('Tröôøng Ñaïi hoïc', 'vni')).toBe('Trường Đại học');
    expect(convertLegacyText('Thaønh phoá Hoà Chí Minh', 'vni')).toBe('Thành phố Hồ Chí Minh');
    expect(convertLegacyText('Tænh Quaûng Nam', 'vni')).toBe('Tỉnh Quảng Nam');
    expect(convertLegacyText('COÄNG HOØA XAÕ HOÄI', 'vni')).toBe('CỘNG HÒA XÃ HỘI');
  });
  it('round-trips sentences, upper-case lines and mixed case', () => {
    for (const s of SENTENCES) {
      expect(convertLegacyText(toVni(s), 'vni')).toBe(s);
      const upper = s.toLocaleUpperCase('vi');
      expect(convertLegacyText(toVni(upper), 'vni')).toBe(upper);
    }
  });
  it('returns NFC', () => {
    const out = convertLegacyText(toVni('Nguyễn Thị Thủy'), 'vni');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('encodingOfFont', () => {
  it('recognises ABC and VNI font families', () => {
    expect(encodingOfFont('.VnTime')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(encodingOfFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(encodingOfFont('.VnArialH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(encodingOfFont('.VnCentury Schoolbook')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(encodingOfFont('.VnRush')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(encodingOfFont('VNI-Times')).toEqual({ encoding: 'vni', upper: false });
    expect(encodingOfFont('VNI-Helve')).toEqual({ encoding: 'vni', upper: false });
  });
  it('ignores Unicode fonts', () => {
    for (const f of ['Times New Roman', 'Calibri', 'Arial', 'Liberation Serif', 'Vni', 'VnTime', '', undefined, null]) {
      expect(encodingOfFont(f)).toBeNull();
    }
  });
});

describe('detectLegacyEncoding', () => {
  it('trusts the font name', () => {
    expect(detectLegacyEncoding('Hµ Néi', '.VnTime')).toBe('tcvn3');
    expect(detectLegacyEncoding('Haø Noäi', 'VNI-Times')).toBe('vni');
    expect(detectLegacyEncoding('TT', '.VnTimeH')).toBe('tcvn3');
  });
  it('does not convert Unicode text that merely carries a legacy font', () => {
    expect(detectLegacyEncoding('Thực hiện nhiệm vụ', '.VnTime')).toBeNull();
    expect(detectLegacyEncoding('Đơn vị', 'VNI-Times')).toBeNull();
  });
  it('finds TCVN3 without a font name', () => {
    for (const s of SENTENCES.filter((x) => !/[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/.test(x))) {
      expect(detectLegacyEncoding(toTcvn3(s)), s).toBe('tcvn3');
    }
    expect(detectLegacyEncoding(toTcvn3Upper('bảng chấm điểm thi đua'))).toBe('tcvn3');
    expect(detectLegacyEncoding('Kh¸nh')).toBe('tcvn3');
  });
  it('finds VNI without a font name', () => {
    for (const s of SENTENCES) {
      expect(detectLegacyEncoding(toVni(s)), s).toBe('vni');
      expect(detectLegacyEncoding(toVni(s.toLocaleUpperCase('vi'))), s).toBe('vni');
    }
    expect(detectLegacyEncoding('Vieät Nam')).toBe('vni');
  });
  it('never misfires on Unicode Vietnamese, NFD text or English', () => {
    for (const s of UNICODE_TEXTS) {
      expect(detectLegacyEncoding(s), s).toBeNull();
      expect(detectLegacyEncoding(s.normalize('NFD')), `${s} (NFD)`).toBeNull();
      expect(detectLegacyEncoding(s, 'Times New Roman'), s).toBeNull();
    }
  });
  it('converts legacy text around a few Unicode letters mixed in', () => {
    const mixed = 'Ứng dông c«ng nghÖ th«ng tin, chuyÓn ®æi sè';
    expect(detectLegacyEncoding(mixed, '.VnTime')).toBe('tcvn3');
    expect(detectLegacyEncoding(mixed)).toBe('tcvn3');
    expect(toUnicodeFromCell(mixed, '.VnTime')).toEqual({ text: 'Ứng dụng công nghệ thông tin, chuyển đổi số', converted: 'tcvn3' });
    expect(toUnicodeFromCell(`Ấ${toVni('p dụng chuyển đổi số')}`)).toEqual({ text: 'Ấp dụng chuyển đổi số', converted: 'vni' });
    expect(detectLegacyEncoding('Cộng hòa xã hội, Khánh Hòa', '.VnTime')).toBeNull();
  });
  it('finds legacy text mixed with ASCII words and numbers', () => {
    expect(detectLegacyEncoding(`UBND tØnh 2024: ${toTcvn3('chỉ tiêu')} (PAR Index)`)).toBe('tcvn3');
    expect(detectLegacyEncoding(`UBND ${toVni('tỉnh')} 2024: ${toVni('chỉ tiêu')} (PAR Index)`)).toBe('vni');
  });
});

describe('toUnicodeFromCell', () => {
  it('converts with the font and flags the encoding', () => {
    expect(toUnicodeFromCell('§iÓm chuÈn', '.VnTime')).toEqual({ text: 'Điểm chuẩn', converted: 'tcvn3' });
    expect(toUnicodeFromCell('b¶ng chÊm ®iÓm', '.VnTimeH')).toEqual({ text: 'BẢNG CHẤM ĐIỂM', converted: 'tcvn3' });
    expect(toUnicodeFromCell('Ñieåm chuaån', 'VNI-Times')).toEqual({ text: 'Điểm chuẩn', converted: 'vni' });
    expect(toUnicodeFromCell('Ñieåm chuaån')).toEqual({ text: 'Điểm chuẩn', converted: 'vni' });
  });
  it('upper-cases plain ASCII drawn with an H font', () => {
    expect(toUnicodeFromCell('tong cong', '.VnTimeH')).toEqual({ text: 'TONG CONG', converted: 'tcvn3' });
  });
  it('keeps Unicode as NFC and unflagged', () => {
    const nfd = 'Điểm chuẩn'.normalize('NFD');
    expect(toUnicodeFromCell(nfd)).toEqual({ text: 'Điểm chuẩn', converted: null });
    expect(toUnicodeFromCell('TT', '.VnTime')).toEqual({ text: 'TT', converted: null });
    expect(toUnicodeFromCell('Khánh Hòa', 'Calibri')).toEqual({ text: 'Khánh Hòa', converted: null });
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables and rejects other words', () => {
    for (const w of ['nghiêng', 'Trường', 'khuyên', 'quốc', 'giữ', 'gì', 'oanh', 'ĐƯỢC', 'ý', 'khoẻ', 'hoà']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['world', 'café', 'Zürich', 'hoàá', 'strong', 'UBND', 'Néi', 'Vieät']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});
