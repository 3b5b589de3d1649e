/**
 * BlocDesk's headless CLI over the same services as the app: `npm run cli -- <command> [options]`.
 * Exit codes: 0 success, 1 user error (one Vietnamese line on stderr), 2 wrong usage.
 * The process entry is ./bin.ts (bundled to dist/cli/bin.mjs); tests call runCli directly.
 */
import { UserError } from '../../shared/errors';
import { UsageError, type CliIo, type CommandEntry } from './command';
import { commands } from './commands/index';

function help(): string {
  const lines = [
    'BlocDesk - dòng lệnh / command line',
    '',
    'Cách dùng / Usage: npm run cli -- <lệnh/command> [tham số/options]',
    '',
    'Các lệnh / Commands:',
  ];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.vi}`, `      ${c.en}`);
  lines.push(
    '',
    'Mã thoát: 0 thành công, 1 lỗi dữ liệu/tệp, 2 sai cách dùng.',
    'Exit codes: 0 success, 1 data or file error, 2 wrong usage.',
    'Xem chi tiết một lệnh / One command in detail: npm run cli -- <lệnh/command> --help',
  );
  return lines.join('\n') + '\n';
}

function commandHelp(c: CommandEntry): string {
  return `Cách dùng / Usage: ${c.usage}\n${c.vi}\n${c.en}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Lệnh không tồn tại / Unknown command: "${name}". Gõ --help để xem các lệnh / Type --help for the commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\nCách dùng / Usage: ${command.usage}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      io.stderr(`${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') {
      io.stderr(`Không tìm thấy tệp: ${(err as NodeJS.ErrnoException).path ?? ''}\n`);
      return 1;
    }
    if (code === 'ENOSPC') {
      io.stderr('Ổ đĩa đã đầy, không ghi được tệp.\n');
      return 1;
    }
    io.stderr(`Lỗi không mong muốn: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
