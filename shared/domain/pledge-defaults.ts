/**
 * Default content of a year's pledge (bản giao ước thi đua): the commitments a khối thi đua
 * typically signs at its launch conference, the căn cứ lines of the year's rules profile, the
 * year's members in the bloc's order. The secretariat edits everything before signing.
 */
import type { BlocData, Pledge } from '../model/records';
import { defaultRulesProfile } from './rules-defaults';

/** Typical commitments; `{year}` is replaced by the pledge's year. */
export const DEFAULT_COMMITMENTS: readonly string[] = [
  'Thi đua hoàn thành toàn diện, vượt mức các chỉ tiêu, nhiệm vụ chính trị, chuyên môn năm {year} được Tỉnh ủy, Hội đồng nhân dân, Ủy ban nhân dân tỉnh giao; cụ thể hóa thành chương trình, kế hoạch công tác và tổ chức thực hiện đạt hiệu quả cao.',
  'Làm tốt công tác xây dựng Đảng, xây dựng cơ quan, đơn vị trong sạch, vững mạnh; tổ chức Đảng, đoàn thể được đánh giá hoàn thành tốt nhiệm vụ trở lên; đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  'Đẩy mạnh cải cách hành chính, chuyển đổi số và ứng dụng công nghệ thông tin trong hoạt động của cơ quan, đơn vị; giải quyết thủ tục hành chính đúng hạn, nâng cao mức độ hài lòng của người dân và doanh nghiệp.',
  'Thực hiện nghiêm kỷ luật, kỷ cương hành chính; thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực; không có cán bộ, công chức, viên chức và người lao động vi phạm pháp luật đến mức phải xử lý kỷ luật.',
  'Phát động và tổ chức các phong trào thi đua thiết thực, hiệu quả; phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; thực hiện công tác khen thưởng kịp thời, chính xác, công khai, đúng quy định.',
  'Chăm lo đời sống vật chất, tinh thần của cán bộ, công chức, viên chức và người lao động; tích cực tham gia các hoạt động an sinh xã hội, đền ơn đáp nghĩa, từ thiện nhân đạo do Trung ương và tỉnh phát động.',
  'Tham gia đầy đủ các hoạt động của Khối; thực hiện chế độ thông tin, báo cáo đúng thời hạn; tự chấm điểm thi đua trung thực, khách quan theo bảng chấm điểm đã được Khối thống nhất thông qua.',
];

/** Two columns for small blocs, three from seven members on, so the grid stays compact. */
export function defaultPledgeColumns(unitCount: number): 2 | 3 {
  return unitCount <= 6 ? 2 : 3;
}

/**
 * Signing date: today when the pledge is for this year or next year (next year's pledge is often
 * signed at the year-end conference); 1 March of the pledge's year for a past year.
 */
function defaultSigningDate(year: number, now: string): string {
  const today = /^\d{4}-\d{2}-\d{2}/.exec(now)?.[0];
  const nowYear = today ? Number(today.slice(0, 4)) : NaN;
  if (today && (nowYear === year || nowYear === year - 1)) return today;
  return `${year}-03-01`;
}

export function defaultPledge(data: BlocData, year: number, now: string): Pledge {
  const { bloc } = data;
  const yearRecord = data.years.find((y) => y.year === year && y.blocId === bloc.id) ?? data.years.find((y) => y.year === year);
  const knownUnits = new Set(data.units.map((u) => u.id));
  const unitIds = yearRecord
    ? yearRecord.memberUnitIds.filter((id) => knownUnits.has(id))
    : [...data.units].filter((u) => u.active).sort((a, b) => a.order - b.order).map((u) => u.id);
  const legalBasis = [...(yearRecord?.rules.legalBasis ?? defaultRulesProfile().legalBasis)];
  const blocName = bloc.name.trim() || bloc.shortName.trim() || 'Khối thi đua';

  return {
    id: `${bloc.id}-giao-uoc-${year}`,
    blocId: bloc.id,
    year,
    title: `BẢN GIAO ƯỚC THI ĐUA NĂM ${year}`,
    legalBasis,
    intro:
      `Nhằm thực hiện thắng lợi nhiệm vụ chính trị năm ${year}, đẩy mạnh phong trào thi đua yêu nước trong cán bộ, ` +
      `công chức, viên chức và người lao động, các đơn vị thành viên ${blocName} thống nhất ký kết giao ước thi đua ` +
      `năm ${year} với những nội dung sau:`,
    commitments: DEFAULT_COMMITMENTS.map((c) => c.replaceAll('{year}', String(year))),
    place: bloc.province.trim(),
    date: defaultSigningDate(year, now),
    documentNumber: '',
    witness: null,
    columns: defaultPledgeColumns(unitIds.length),
    unitIds,
    updatedAt: now,
  };
}
