/**
 * BlocDesk's headless CLI over the same services as the app: `npm run cli -- <command> [options]`.
 * Exit codes: 0 success, 1 user error (one Vietnamese line on stderr), 2 wrong usage.
 */
import { UserError } from '../../shared/errors';
import { UsageError, type CliIo } from './command';
import { commands } from './commands/index';

function help(): string {
  const lines = ['BlocDesk - dòng lệnh', '', 'Cách dùng: npm run cli -- <lệnh> [tham số]', '', 'Các lệnh:'];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.description}`);
  lines.push('', 'Mã thoát: 0 thành công, 1 lỗi dữ liệu/tệp, 2 sai cách dùng.', 'Xem chi tiết một lệnh: npm run cli -- <lệnh> --help');
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Lệnh không tồn tại: "${name}". Gõ --help để xem các lệnh.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Cách dùng: ${command.usage}\n${command.description}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\nCách dùng: ${command.usage}\n`);
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

const isMain = process.argv[1] && /electron[\\/]cli[\\/]main\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
