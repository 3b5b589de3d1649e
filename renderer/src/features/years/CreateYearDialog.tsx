/** Creating an emulation year: members and rules are copied from the closest earlier year. */
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import type { Unit, Year } from '../../../../shared/model/records';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { toApiError } from '../../api';
import { createYear, initialMembers, yearToCopy } from '../../db/repo-years';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/ErrorBox';
import { Field } from '../../ui/Field';

export function CreateYearDialog({
  open,
  blocId,
  years,
  units,
  onClose,
  onCreated,
}: {
  open: boolean;
  blocId: string;
  years: Year[];
  units: Unit[];
  onClose: () => void;
  onCreated: (y: Year) => void;
}) {
  const suggested = years.length ? Math.max(...years.map((y) => y.year)) + 1 : new Date().getFullYear();
  const [text, setText] = useState(String(suggested));
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const year = Number(text.trim());
  const valid = /^\d{4}$/.test(text.trim()) && year >= 2000 && year <= 2100;
  const source = valid ? yearToCopy(years, year) : undefined;
  const members = initialMembers(source, units).length;

  const submit = async () => {
    if (!valid) return setError('Nhập năm gồm 4 chữ số, từ 2000 đến 2100.');
    if (years.some((y) => y.year === year)) return setError(`Năm ${year} đã có trong khối.`);
    setError(undefined);
    try {
      onCreated(await createYear(blocId, year));
    } catch (err) {
      setFailure(toApiError(err));
    }
  };

  return (
    <Dialog
      open={open}
      title="Tạo năm thi đua"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Huỷ
          </button>
          <button type="submit" form="create-year" className="btn btn-primary">
            Tạo năm
          </button>
        </>
      }
    >
      <form
        id="create-year"
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Năm thi đua" required error={error}>
          {(id, describedBy) => (
            <input id={id} name="year" inputMode="numeric" value={text} aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <p className="muted">
          {source
            ? `Thành viên (${formatNumberVi(members)} đơn vị đang hoạt động) và quy chế được chép từ năm ${source.year}; có thể sửa sau khi tạo.`
            : `Thành viên là ${formatNumberVi(members)} đơn vị đang hoạt động; quy chế lấy theo mặc định (đối chiếu quy chế của tỉnh/khối).`}
        </p>
        <ErrorBox error={failure} />
      </form>
    </Dialog>
  );
}
