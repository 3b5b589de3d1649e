/**
 * Every CLI command: one entry here plus one module `./<name>.ts` exporting a `Command` (its `run`). The texts here
 * are all `--help` needs; `load` imports the module only when the command runs (a separate chunk
 * in the bundle), so heavy libraries load only in the commands that use them.
 */
import type { CommandEntry } from '../command';
import { DOCUMENT_KINDS } from '../../../shared/api/document-kinds';

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
    usage: 'demo --out <tệp.blocdesk> [--units N] [--criteria M] [--years Y]',
    vi: 'Ghi gói dữ liệu mẫu đầy đủ: mặc định Khối Văn hóa - Xã hội 8 đơn vị; với tham số là khối tổng hợp N đơn vị, bảng điểm M tiêu chí, Y năm.',
    en: 'Writes a complete sample package: the 8-unit culture and society bloc by default; with options, a synthetic bloc of N units, M criteria, Y years.',
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
      `document --kind <${DOCUMENT_KINDS.join('|')}> --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf|tệp.docx|tệp.zip> ` +
      '[--version <N>] [--vote <kiểm-phiếu.json>] [--draft <bản-nháp.json>] [--per-recipient] [--number <N> --date <YYYY-MM-DD>] [--options <tùy-chọn.json>] [--attach <MÃ>=<tệp>]…',
    vi:
      'Xuất một văn bản của năm ra PDF, Word (.docx) hoặc (hồ sơ đề nghị) tệp nén .zip theo đuôi tệp --out, khổ A4, thể thức Nghị định 30/2020. ' +
      '--version: phiên bản bảng chấm điểm; --vote: kết quả kiểm phiếu (tệp của lệnh tally); --draft: nội dung đã soạn; --per-recipient: giấy mời riêng từng nơi nhận; ' +
      '--number/--date: số và ngày đã cấp trong sổ văn bản đi; --options: các tùy chọn khác (JSON, ví dụ "references"); --attach: báo cáo thành tích của đơn vị đề nghị khen thưởng.',
    en:
      "Prints one of the year's documents to PDF, Word (.docx) or (the dossier) a .zip, chosen by the --out extension; A4, Decree 30/2020 layout. " +
      '--version: the scoring table version; --vote: the vote-count entry (the tally file); --draft: the edited draft; --per-recipient: one invitation per recipient; ' +
      "--number/--date: the number and date taken in the register; --options: other options as JSON (e.g. \"references\"); --attach: a nominee's achievement report.",
    load: async () => (await import('./document')).documentCommand,
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
    usage: 'ranking --data <tệp.blocdesk> --year <YYYY> [--out <tệp.xlsx>]',
    vi: 'In JSON kết quả xếp hạng thi đua của năm theo thứ tự hạng (tổng điểm sau thẩm định, quy tắc xếp hạng khi bằng điểm, đơn vị chưa nộp xếp cuối); với --out ghi thêm bảng tổng hợp ra Excel.',
    en: "Prints the year's ranking as JSON in rank order (totals after verification, the tie rules, units that sent nothing last); with --out also writes the summary table to Excel.",
    load: async () => (await import('./ranking')).rankingCommand,
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
