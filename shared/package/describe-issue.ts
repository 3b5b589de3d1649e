/**
 * A record-schema failure told in Vietnamese, naming the record ("đơn vị thứ 3, trường code: ...")
 * instead of zod's English message, for refusals of handover packages.
 */
import type { z } from 'zod';
import { BLOC_KIND, KINDS } from '../model/registry';

const KIND_NAMES: Record<string, string> = {
  bloc: BLOC_KIND.label,
  ...Object.fromEntries(KINDS.map((k) => [k.key, k.label])),
};

/** "đơn vị thứ 3, trường code" from ['units', 2, 'code']. */
export function describePath(path: readonly PropertyKey[]): string {
  const [kind, index, ...rest] = path;
  if (kind === undefined) return 'dữ liệu';
  const name = KIND_NAMES[String(kind)] ?? String(kind);
  if (typeof index !== 'number') return [name, ...(index === undefined ? [] : [`trường ${String(index)}`]), ...rest.map(String)].join(', ');
  const field = rest.filter((p) => typeof p !== 'number').map(String);
  return `${name} thứ ${index + 1}${field.length ? `, trường ${field.join('.')}` : ''}`;
}

/** The issue's meaning in Vietnamese; custom messages (ours) are Vietnamese already. */
export function describeIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_type':
      return issue.input === undefined ? 'thiếu giá trị' : 'sai kiểu dữ liệu';
    case 'too_big':
      return issue.origin === 'string'
        ? `dài quá ${String(issue.maximum)} ký tự`
        : issue.origin === 'array'
          ? `quá ${String(issue.maximum)} phần tử`
          : `không được lớn hơn ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'để trống'
          : `ngắn hơn ${String(issue.minimum)} ký tự`
        : issue.origin === 'array'
          ? `ít hơn ${String(issue.minimum)} phần tử`
          : `không được nhỏ hơn ${String(issue.minimum)}`;
    case 'invalid_format':
      return 'sai định dạng';
    case 'invalid_value':
    case 'invalid_union':
      return 'giá trị không được phép';
    default:
      return 'không hợp lệ';
  }
}

/** "đơn vị thứ 3, trường code: Mã đơn vị chỉ gồm ..." */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return `${describePath(issue.path)}: ${describeIssueMessage(issue)}`;
}
