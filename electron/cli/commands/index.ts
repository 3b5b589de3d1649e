/**
 * Every CLI command: one entry here plus one module `./<name>.ts` exporting a `Command` (its `run`). The texts here
 * are all `--help` needs; `load` imports the module only when the command runs (a separate chunk
 * in the bundle), so heavy libraries load only in the commands that use them.
 */
import type { CommandEntry } from '../command';

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
    usage: 'pledge --data <tệp.blocdesk> --year <YYYY> --out <tệp.pdf>',
    vi: 'Xuất bản giao ước thi đua của năm ra PDF (khổ A4, thể thức Nghị định 30/2020); dùng nội dung mặc định nếu năm đó chưa soạn giao ước.',
    en: "Prints the year's emulation pledge to PDF (A4, Decree 30/2020 layout); uses the default text when the year has no pledge yet.",
    load: async () => (await import('./pledge')).pledgeCommand,
  },
  {
    name: 'scoring-table',
    usage: 'scoring-table --data <tệp.blocdesk> --year <YYYY> --out <tệp.xlsx|tệp.pdf> [--version <N>]',
    vi: 'Xuất bảng chấm điểm thi đua của năm ra Excel (.xlsx) hoặc PDF; mặc định là phiên bản mới nhất.',
    en: "Exports the year's scoring table to Excel (.xlsx) or PDF; the newest version by default.",
    load: async () => (await import('./scoring-table')).scoringTableCommand,
  },
];
