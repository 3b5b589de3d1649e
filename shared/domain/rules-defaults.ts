/**
 * Vietnamese defaults for a year's rules profile. They follow common practice seen in provincial
 * regulations, but every bloc must check them against its own: the UI shows RULES_DEFAULT_NOTE.
 */
import type { AwardType, LeaderRotation, RulesProfile, ThresholdBase } from '../model/records';

export const RULES_DEFAULT_NOTE = 'đối chiếu quy chế của tỉnh/khối';

export const DEFAULT_AWARD_NAMES = {
  governmentFlag: 'Cờ thi đua của Chính phủ',
  provincialFlag: 'Cờ thi đua của UBND tỉnh',
  certificate: 'Bằng khen của Chủ tịch UBND tỉnh',
} as const;

/** The vote settings of a new award: the profile's threshold, tick the chosen units, re-vote on a tie. */
export function newAward(id: string, name: string, seats: AwardType['seats']): AwardType {
  return { id, name, seats, maxMarks: null, marking: 'tick', threshold: null, tieRule: 'revote' };
}

export function defaultRulesProfile(): RulesProfile {
  return {
    awards: [
      newAward('award-gov-flag', DEFAULT_AWARD_NAMES.governmentFlag, 1),
      newAward('award-prov-flag', DEFAULT_AWARD_NAMES.provincialFlag, 2),
      newAward('award-certificate', DEFAULT_AWARD_NAMES.certificate, 3),
    ],
    // "quá 1/2 số phiếu hợp lệ"
    threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' },
    // "có từ 2/3 tổng số thành viên trở lên tham dự"
    quorum: { num: 2, den: 3, comparison: 'gte' },
    exclusiveAwards: true,
    invalidScope: 'section',
    maxRounds: 3,
    selfVoteAllowed: true,
    tieRules: [{ kind: 'higherTotalScore' }, { kind: 'fewerDeductions' }, { kind: 'revote' }],
    leaderRotation: { kind: 'vote' },
    classificationBands: [],
    legalBasis: [
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ Quy chế tổ chức và hoạt động của Khối thi đua;',
    ],
  };
}

export const THRESHOLD_BASE_LABELS: Record<ThresholdBase, string> = {
  valid: 'Số phiếu hợp lệ',
  returned: 'Số phiếu thu về (kể cả phiếu không hợp lệ)',
  present: 'Số đơn vị có mặt',
  members: 'Tổng số đơn vị thành viên của Khối',
};

export const COMPARISON_LABELS: Record<'gt' | 'gte', string> = {
  gt: 'Trên (quá)',
  gte: 'Từ … trở lên',
};

export const MARKING_LABELS: Record<AwardType['marking'], string> = {
  tick: 'Đánh dấu đơn vị được chọn',
  approve: 'Đồng ý / Không đồng ý từng đơn vị',
};

export const VOTE_TIE_RULE_LABELS: Record<AwardType['tieRule'], string> = {
  revote: 'Bỏ phiếu lại giữa các đơn vị bằng phiếu',
  higherScore: 'Đơn vị có tổng điểm cao hơn',
  chairDecides: 'Chủ trì hội nghị quyết định (ghi lý do)',
};

export const INVALID_SCOPE_LABELS: Record<RulesProfile['invalidScope'], string> = {
  section: 'Chỉ không hợp lệ ở mục chọn quá số lượng',
  ballot: 'Không hợp lệ cả phiếu',
};

export const LEADER_ROTATION_LABELS: Record<LeaderRotation['kind'], string> = {
  vote: 'Bầu tại hội nghị tổng kết (phiếu kín)',
  fixedOrder: 'Luân phiên theo thứ tự cố định (bỏ qua đơn vị không đủ điều kiện)',
  topScore: 'Đơn vị xếp thứ nhất năm nay làm Khối trưởng, thứ hai làm Khối phó',
  appointed: 'Chỉ định theo quyết định của cấp có thẩm quyền',
};

export const TIE_RULE_LABELS: Record<RulesProfile['tieRules'][number]['kind'], string> = {
  higherGroupScore: 'Điểm cao hơn ở nhóm tiêu chí',
  // Among units of equal total a plain 'higher total' cannot separate: the rule compares the total before bonus.
  higherTotalScore: 'Tổng điểm chưa tính điểm thưởng cao hơn',
  fewerDeductions: 'Ít điểm trừ hơn',
  revote: 'Bỏ phiếu lại giữa các đơn vị bằng phiếu',
  chairDecides: 'Chủ trì hội nghị quyết định',
};
