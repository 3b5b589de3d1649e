/** Short notices at the bottom right ("Đã lưu", errors of background actions). */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';

export type NoticeKind = 'success' | 'error' | 'info';
interface NoticeItem {
  id: number;
  kind: NoticeKind;
  text: string;
  details?: string[];
}
interface NoticeApi {
  notify(kind: NoticeKind, text: string, details?: string[]): void;
  /** Shows an error (Vietnamese message + details) that stays until closed. */
  error(error: ApiError): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);
let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<NoticeItem[]>([]);
  const close = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (kind: NoticeKind, text: string, details?: string[]) => {
      const id = nextId++;
      setItems((xs) => [...xs.slice(-3), { id, kind, text, ...(details ? { details } : {}) }]);
      if (kind !== 'error') setTimeout(() => close(id), 5000);
    },
    [close],
  );
  const error = useCallback((e: ApiError) => notify('error', e.message, e.details), [notify]);
  return (
    <NoticeContext.Provider value={{ notify, error }}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {items.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
            <div className="notice-text">
              {n.text}
              {n.details && n.details.length > 0 && (
                <ul>
                  {n.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
            <button type="button" className="btn-icon" aria-label="Đóng thông báo" onClick={() => close(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotice outside NoticeProvider');
  return api;
}
