/**
 * Every CLI command: one entry here plus one module `./<name>.ts` exporting a `Command` (its `run`). The texts here
 * are all `--help` needs; `load` imports the module only when the command runs (a separate chunk
 * in the bundle), so heavy libraries load only in the commands that use them.
 */
import type { CommandEntry } from '../command';
import { DOCUMENT_KINDS } from '../../../shared/api/document-kinds';
import { VOTE_OPTIONS_USAGE } from './vote-options-usage';

export const commands: CommandEntry[] = [
  {
    name: 'template',
    usage: 'template --data <tệp.blocdesk> --year <YYYY> (--unit <mã> --out <tệp.xlsx> | --all --out-dir <thư mục>)',
    vi: 'Xuất phiếu tự chấm điểm (Excel) cho một đơn vị hoặc cho mọi đơn vị của năm; tên tệp dạng TuCham_<năm>_<mã>.xlsx.',
    en: "Writes the self-assessment workbook (Excel) of one unit, or of every unit of the year, named TuCham_<year>_<code>.xlsx.",
    load: async () => (await import('./template')).templateCommand,
  },
  {
    name: 'inspect',
    usage: 'inspect --data <tệp.blocdesk> --year <YYYY> <tệp.xlsx>...',
    vi: 'Kiểm tra các phiếu tự chấm điểm đơn vị gửi về, in JSON (mỗi tệp: đơn vị, năm, điểm từng tiêu chí, lỗi, cảnh báo). Mã thoát 0 khi mọi tệp nhập được, 1 khi có tệp lỗi.',
    en: 'Checks returned self-assessment workbooks and prints JSON (per file: unit, year, each score, errors, warnings). Exit 0 when every file can be imported, 1 otherwise.',
    load: async () => (await import('./inspect')).inspectCommand,
  },
  {
    name: 'demo',
    usage: 'demo --out <tệp.blocdesk> [--units N] [--criteria M] [--years Y] [--full | --bare]',
    vi: 'Ghi gói dữ liệu mẫu đầy đủ: mặc định Khối Văn hóa - Xã hội 8 đơn vị, năm mới nhất đã chấm điểm, thẩm định, xếp hạng, bình xét tại hội nghị tổng kết và bầu Khối trưởng, Khối phó năm sau (in được mọi văn bản); với tham số là khối tổng hợp N đơn vị, bảng điểm M tiêu chí, Y năm. --full: thêm điểm tự chấm, điểm thẩm định và lịch sử thay đổi của mọi đơn vị ở mọi năm có bảng chấm điểm, mỗi năm một lần nhập, và kết quả bình xét của mỗi năm. --bare: năm mới nhất của khối mẫu chưa có điểm (để tập nhập phiếu tự chấm).',
    en: "Writes a complete sample package: the 8-unit culture and society bloc by default, its latest year scored, verified, ranked, voted on at the conference, next year's leaders elected (every document prints from it); with options, a synthetic bloc of N units, M criteria, Y years. --full: self and verified scores with their history for every unit and year that has a scoring table, one import per year, and each year's vote. --bare: the sample's latest year without scores (to practise the import).",
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'package-info',
    usage: 'package-info <tệp.blocdesk>',
    vi: 'In ra JSON mô tả gói bàn giao: khối, đơn vị, các năm (trưởng khối, phó khối), phiên bản định dạng và dữ liệu.',
    en: 'Prints JSON describing a handover package: the bloc, its units, its years (leader, deputy), format and data versions.',
    load: async () => (await import('./package-info')).packageInfoCommand,
  },
  {
    name: 'pledge',
    usage: 'pledge --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf|tệp.docx>',
    vi: 'Xuất bản giao ước thi đua của năm ra PDF hoặc Word (khổ A4, thể thức Nghị định 30/2020); dùng nội dung mặc định nếu năm đó chưa soạn giao ước. Lối tắt của document --kind pledge.',
    en: "Prints the year's emulation pledge to PDF or Word (A4, Decree 30/2020 layout); uses the default text when the year has no pledge yet. A shortcut of document --kind pledge.",
    load: async () => (await import('./pledge')).pledgeCommand,
  },
  {
    name: 'scoring-table',
    usage: 'scoring-table --data <tệp.blocdesk> --year <YYYY> --out <tệp.xlsx|tệp.pdf|tệp.docx> [--version <N>]',
    vi: 'Xuất bảng chấm điểm thi đua của năm ra Excel (.xlsx), PDF hoặc Word (.docx); mặc định là phiên bản đang áp dụng.',
    en: "Exports the year's scoring table to Excel (.xlsx), PDF or Word (.docx); the version in force by default.",
    load: async () => (await import('./scoring-table')).scoringTableCommand,
  },
  {
    name: 'document',
    usage:
      `document --kind <${DOCUMENT_KINDS.join('|')}> --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf|tệp.docx|tệp.zip> [--version <N>] ` +
      `[--unit <mã đơn vị>] [--deadline <yyyy-mm-dd>] ${VOTE_OPTIONS_USAGE} [--draft <bản-nháp.json>] [--per-recipient] ` +
      '[--number <N> --date <YYYY-MM-DD>] [--options <tùy-chọn.json>] [--attach <MÃ>=<tệp>]…',
    vi:
      'Xuất một văn bản của năm ra PDF, Word (.docx) hoặc (hồ sơ đề nghị) tệp nén .zip theo đuôi tệp --out, khổ A4, thể thức Nghị định 30/2020. ' +
      '--version: phiên bản bảng chấm điểm; --unit, --deadline: đơn vị nhận thông báo kết quả thẩm định và hạn gửi giải trình; ' +
      '--round, --copies, --spares, --per-page, --sections: phiếu bầu; --vote: số liệu kiểm phiếu (tệp của lệnh tally, thêm "conference"); ' +
      '--draft: nội dung đã soạn; --per-recipient: giấy mời riêng từng nơi nhận; --number/--date: số và ngày đã cấp trong sổ văn bản đi; ' +
      '--options: các tùy chọn khác (JSON); --attach: báo cáo thành tích của đơn vị đề nghị khen thưởng.',
    en:
      "Prints one of the year's documents to PDF, Word (.docx) or, for the dossier, a .zip, chosen by the --out extension; A4, Decree 30/2020 layout. " +
      '--version: scoring table version; --unit, --deadline: the unit a verification notice goes to and its deadline; --round, --copies, --spares, ' +
      '--per-page, --sections: ballots; --vote: the vote entry (the tally file, plus "conference"); --draft: the edited text; --per-recipient: one invitation ' +
      'per recipient; --number/--date: the number and date taken in the register; --options: other options (JSON); --attach: a nominee\'s achievement report.',
    load: async () => (await import('./document')).documentCommand,
  },
  {
    name: 'ballots',
    usage: `ballots --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf|tệp.docx> ${VOTE_OPTIONS_USAGE}`,
    vi: 'In phiếu bầu của hội nghị tổng kết: mỗi đơn vị có mặt một phiếu (thêm --spares phiếu dự phòng), mỗi mục "chọn không quá N đơn vị", các đơn vị đủ điều kiện theo thứ tự của khối; --round 2 trở đi in phiếu bầu lại theo kết quả các lần trước (--vote). Lối tắt của document --kind ballots.',
    en: 'Prints the year-end conference ballots: one per unit present (plus --spares), each section "choose at most N units", the eligible units in the bloc\'s order; from --round 2, the re-vote ballots that the earlier rounds call for (--vote). A shortcut of document --kind ballots.',
    load: async () => (await import('./ballots')).ballotsCommand,
  },
  {
    name: 'import',
    usage: 'import --data <tệp.blocdesk> --year <YYYY> --out <gói-mới.blocdesk> [--by <người nhập>] <tệp.xlsx>...',
    vi: 'Nhập các phiếu tự chấm điểm vào dữ liệu của năm như trong ứng dụng (một lần nhập, có lịch sử thay đổi) rồi ghi ra gói dữ liệu mới. Nếu có tệp lỗi thì in lý do (tệp, trang, ô), mã thoát 1 và không ghi gì.',
    en: "Imports returned self-assessment workbooks into the year as the app does (one batch, with change history) and writes a new package. If any file has errors, prints the reasons (file, sheet, cell), exits 1 and writes nothing.",
    load: async () => (await import('./import')).importCommand,
  },
  {
    name: 'ranking',
    usage: 'ranking --data <tệp.blocdesk> --year <YYYY> [--out <tệp.pdf|tệp.docx|tệp.xlsx>]',
    vi: 'In JSON kết quả xếp hạng thi đua của năm theo thứ tự hạng (tổng điểm sau thẩm định, quy tắc xếp hạng khi bằng điểm, đơn vị chưa nộp xếp cuối); với --out ghi thêm bảng tổng hợp kết quả chấm điểm ra PDF, Word (.docx) hoặc Excel (.xlsx) theo đuôi tệp.',
    en: "Prints the year's ranking as JSON in rank order (totals after verification, the tie rules, units that sent nothing last); with --out also writes the summary table to PDF, Word (.docx) or Excel (.xlsx), chosen by the extension.",
    load: async () => (await import('./ranking')).rankingCommand,
  },
  {
    name: 'matrix',
    usage: 'matrix --data <tệp.blocdesk> --year <YYYY> --out <tệp.xlsx>',
    vi: 'Xuất bảng tổng hợp đầy đủ đơn vị × tiêu chí của năm ra Excel: mỗi tiêu chí hai cột Tự chấm / Thẩm định (tiêu đề nhiều tầng: nhóm, tiêu chí), tổng điểm và xếp hạng.',
    en: "Exports the year's full unit × criterion table to Excel: two columns per criterion, self-assessed and verified (multi-level headers: group, criterion), totals and rank.",
    load: async () => (await import('./matrix')).matrixCommand,
  },
  {
    name: 'tally',
    usage: 'tally --input <phiếu-bầu.json>',
    vi: 'Tính kết quả bỏ phiếu bình xét thi đua (ngưỡng, chỉ tiêu, bằng phiếu, các vòng bầu) từ tệp JSON và in ra JSON; mã thoát 1 khi số liệu kiểm phiếu chưa khớp.',
    en: 'Computes the award vote (thresholds, quotas, ties, rounds) from a JSON file and prints the verdicts as JSON; exit 1 when the tally is inconsistent.',
    load: async () => (await import('./tally')).tallyCommand,
  },
  {
    name: 'backup',
    usage: 'backup --data <tệp.blocdesk> --folder <thư mục> [--reason <lý do>]',
    vi: 'Sao lưu khối trong gói vào thư mục sao lưu (tạo thư mục nếu chưa có), rồi xóa các bản cũ theo quy tắc lưu giữ (10 bản hôm nay, 1 bản/ngày trong 14 ngày, 1 bản/tháng trong 24 tháng). Lý do mặc định: manual.',
    en: "Backs up the package's bloc into the backups folder (made when missing), then removes old backups by the retention rule (10 today, one a day for 14 days, one a month for 24 months). Default reason: manual.",
    load: async () => (await import('./backup')).backupCommand,
  },
  {
    name: 'backups',
    usage: 'backups --folder <thư mục> [--json]',
    vi: 'Liệt kê các bản sao lưu trong thư mục (mới nhất trước): thời gian, khối, năm, số đơn vị, số điểm, dung lượng, lý do; tệp hỏng được ghi rõ. Với --json in ra JSON.',
    en: 'Lists the backups in a folder, newest first: time, bloc, years, units, scores, size, reason; damaged files are marked. With --json, prints JSON.',
    load: async () => (await import('./backups')).backupsCommand,
  },
];
