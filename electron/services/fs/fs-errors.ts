/** Node's error codes for disk problems, mapped to a Vietnamese message a user can act on. */
import { UserError } from '../../../shared/errors';

export function fileSystemMessage(err: unknown, path: string): string | null {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Ổ đĩa đã đầy, không ghi được tệp "${path}". Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác; dữ liệu trong ứng dụng không bị ảnh hưởng.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền ghi/đọc tệp "${path}". Hãy chọn thư mục khác hoặc kiểm tra quyền truy cập.`;
    case 'EROFS':
      return `Ổ đĩa chỉ cho phép đọc, không ghi được tệp "${path}".`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Không tìm thấy tệp hoặc thư mục "${path}".`;
    case 'EBUSY':
      return `Tệp "${path}" đang được chương trình khác mở (ví dụ Excel hoặc Word). Hãy đóng tệp rồi thử lại.`;
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
      return `Lỗi thiết bị khi ghi/đọc tệp "${path}": USB hoặc ổ mạng có thể đã bị rút ra hoặc ngắt kết nối. Hãy kiểm tra rồi thử lại.`;
    default:
      return null;
  }
}

/** The same error as a UserError (code 'file-system') when it is a known disk problem; otherwise unchanged. */
export function toFileSystemError(err: unknown, path: string): unknown {
  if (err instanceof UserError) return err;
  const message = fileSystemMessage(err, path);
  return message ? new UserError('file-system', message) : err;
}
