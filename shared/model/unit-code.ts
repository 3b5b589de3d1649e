/**
 * Unit codes ("SYT", "SGDĐT", "ĐPTTH"): the short name every report, template and file name uses.
 * Vietnamese letters are allowed (Đ is part of real codes), so are digits and `_ - .`; spaces,
 * slashes and codes made only of dots ("." or "..", which read as folders) are not. Two codes that
 * differ only in case are the same code.
 */

export const UNIT_CODE_MAX_LENGTH = 30;

/** Latin letters with or without Vietnamese marks (NFC), ASCII digits, `_`, `-`, `.`. */
const UNIT_CODE_CHARS = /^[\p{Script=Latin}0-9_.-]+$/u;

/** Vietnamese reason why `code` cannot be a unit code, or null when it can. Expects trimmed NFC text. */
export function unitCodeProblem(code: string): string | null {
  if (code.length === 0) return 'Nhập mã đơn vị (ví dụ SYT).';
  if (code.length > UNIT_CODE_MAX_LENGTH) return `Mã đơn vị dài quá ${UNIT_CODE_MAX_LENGTH} ký tự.`;
  if (!UNIT_CODE_CHARS.test(code))
    return 'Mã đơn vị chỉ gồm chữ cái (có thể có dấu, như Đ), chữ số và các dấu . _ - (ví dụ SYT, SGDĐT); không có dấu cách hay dấu /.';
  if (/^\.+$/.test(code)) return 'Mã đơn vị không thể chỉ gồm dấu chấm.';
  return null;
}

/** The form two codes are compared in: "sgdđt" and "SGDĐT" are the same code. */
export function unitCodeKey(code: string): string {
  return code.normalize('NFC').toLocaleUpperCase('vi-VN');
}
