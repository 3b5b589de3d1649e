/**
 * Unicode → legacy encoders written independently of the module under test, from the published
 * tables: TCVN3 as in test/fixtures/samples/make_samples.py, VNI as in the VNI-Windows table
 * (per vowel: base, sắc, huyền, hỏi, ngã, nặng).
 */
const TCVN3 = new Map(
  Array.from('àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ').map((ch, i) => [
    ch,
    Array.from('µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦')[i]!,
  ]),
);

/** Text as typed with a .VnTime font (letters without a capital code must not occur). */
export function toTcvn3(text: string): string {
  return Array.from(text.normalize('NFC'))
    .map((ch) => {
      const code = TCVN3.get(ch);
      if (code) return code;
      if (ch.charCodeAt(0) > 0x7f) throw new Error(`no TCVN3 code for ${ch}`);
      return ch;
    })
    .join('');
}

/** Text as typed with a .VnTimeH font: the lower-case codes, drawn as capitals. */
export function toTcvn3Upper(text: string): string {
  return toTcvn3(text.toLocaleLowerCase('vi'));
}

const VNI_ROWS: Array<[string, string[]]> = [
  ['a', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['â', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['ă', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['e', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['ê', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['o', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ô', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['u', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ư', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VNI = new Map<string, string>([['đ', 'ñ'], ['Đ', 'Ñ']]);
for (const [vowel, codes] of VNI_ROWS) {
  codes.forEach((code, tone) => {
    const lower = (vowel + TONES[tone]).normalize('NFC');
    VNI.set(lower, code);
    VNI.set(lower.toLocaleUpperCase('vi'), code.toLocaleUpperCase('vi'));
  });
}

/** Text as typed with a VNI-Times font. */
export function toVni(text: string): string {
  return Array.from(text.normalize('NFC'))
    .map((ch) => {
      const code = VNI.get(ch);
      if (code !== undefined) return code;
      if (ch.charCodeAt(0) > 0x7f) throw new Error(`no VNI code for ${ch}`);
      return ch;
    })
    .join('');
}

/** Every Vietnamese letter with a diacritic or tone, lower case, NFC. */
export const VIETNAMESE_LOWER = Array.from(
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ',
);
