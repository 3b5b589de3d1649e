/**
 * A bloc the renderer sends as UTF-8 JSON bytes (read and packed in its worker, so the window never
 * holds or copies the whole bloc), checked as dispatch checks a payload: bounded JSON, text cleaned,
 * BlocDataSchema. `notDone` ends the message when the bytes do not even parse ("chưa sao lưu.").
 */
import { UserError } from '../../../shared/errors';
import { BlocDataSchema, type BlocData } from '../../../shared/model/records';
import { describeIssue } from '../../../shared/package/describe-issue';
import { parseUntrustedJson } from '../../../shared/package/untrusted-json';

export function decodeBlocData(bytes: Uint8Array, service: string, notDone: string): BlocData {
  const json = parseUntrustedJson(bytes);
  if (!json.ok) throw new UserError('invalid-payload', `Dữ liệu của khối gửi tới ${service} không đọc được; ${notDone}`, [json.problem.kind]);
  const parsed = BlocDataSchema.safeParse(json.value);
  if (!parsed.success)
    throw new UserError('invalid-payload', 'Dữ liệu gửi tới dịch vụ không hợp lệ.', parsed.error.issues.slice(0, 10).map(describeIssue));
  return parsed.data;
}
