/**
 * Vietnamese defaults for a year's rules profile. They follow common practice seen in provincial
 * regulations, but every bloc must check them against its own: the UI shows RULES_DEFAULT_NOTE.
 */
import type { RulesProfile } from '../model/records';

export const RULES_DEFAULT_NOTE = 'đối chiếu quy chế của tỉnh/khối';

export const DEFAULT_AWARD_NAMES = {
  governmentFlag: 'Cờ thi đua của Chính phủ',
  provincialFlag: 'Cờ thi đua của UBND tỉnh',
  certificate: 'Bằng khen của Chủ tịch UBND tỉnh',
} as const;

export function defaultRulesProfile(): RulesProfile {
  return {
    awards: [
      { id: 'award-gov-flag', name: DEFAULT_AWARD_NAMES.governmentFlag, maxProposals: 1 },
      { id: 'award-prov-flag', name: DEFAULT_AWARD_NAMES.provincialFlag, maxProposals: 2 },
      { id: 'award-certificate', name: DEFAULT_AWARD_NAMES.certificate, maxProposals: 3 },
    ],
    threshold: { comparison: 'gt', percent: 50, base: 'valid' },
    quorumPercent: 50,
    selfVoteAllowed: true,
    invalidBallotsInBase: false,
    tieRules: [{ kind: 'higherTotalScore' }, { kind: 'fewerDeductions' }, { kind: 'revote' }],
    leaderRotation: { kind: 'vote' },
    legalBasis: [
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ Quy chế tổ chức và hoạt động của Khối thi đua;',
    ],
  };
}

export const THRESHOLD_BASE_LABELS: Record<RulesProfile['threshold']['base'], string> = {
  valid: 'Số phiếu hợp lệ',
  cast: 'Số phiếu thu về',
  present: 'Số thành viên có mặt',
  members: 'Tổng số thành viên của Khối',
};

export const TIE_RULE_LABELS: Record<RulesProfile['tieRules'][number]['kind'], string> = {
  higherGroupScore: 'Điểm cao hơn ở nhóm tiêu chí',
  // Among units of equal total a plain 'higher total' cannot separate: the rule compares the total before bonus.
  higherTotalScore: 'Tổng điểm chưa tính điểm thưởng cao hơn',
  fewerDeductions: 'Ít điểm trừ hơn',
  revote: 'Bỏ phiếu lại giữa các đơn vị bằng phiếu',
  chairDecides: 'Chủ trì hội nghị quyết định',
};
