/** The app-wide registry of unsaved drafts and its question: "Lưu" / "Bỏ thay đổi" / "Ở lại". */
import { useMemo, type ReactNode } from 'react';
import { useAsk } from './Confirm';
import { UnsavedContext, UnsavedRegistry, type LeaveChoice, type UnsavedEntry } from './unsaved';

export const LEAVE_TITLE = 'Có thay đổi chưa lưu';

export function UnsavedProvider({ children }: { children: ReactNode }) {
  const ask = useAsk();
  const registry = useMemo(
    () =>
      new UnsavedRegistry(async (entries: UnsavedEntry[]): Promise<LeaveChoice> => {
        const choice = await ask({
          title: LEAVE_TITLE,
          message: (
            <>
              <p>
                {entries.length === 1 ? (
                  <>
                    Các thay đổi ở <strong>{entries[0]!.label}</strong> chưa được lưu.
                  </>
                ) : (
                  'Các thay đổi sau chưa được lưu:'
                )}
              </p>
              {entries.length > 1 && (
                <ul>
                  {entries.map((e, i) => (
                    <li key={i}>{e.label}</li>
                  ))}
                </ul>
              )}
              <p>Lưu trước khi rời đi, bỏ các thay đổi, hay ở lại để sửa tiếp?</p>
            </>
          ),
          choices: [
            { value: 'save', label: 'Lưu', kind: 'primary' },
            { value: 'discard', label: 'Bỏ thay đổi', kind: 'danger' },
          ],
          cancelLabel: 'Ở lại',
        });
        return choice === 'save' || choice === 'discard' ? choice : null;
      }),
    [ask],
  );
  return <UnsavedContext.Provider value={registry}>{children}</UnsavedContext.Provider>;
}
