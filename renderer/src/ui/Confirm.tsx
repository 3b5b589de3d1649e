/**
 * Asking the user: `const ask = useAsk(); const v = await ask({ title, message, choices })` resolves
 * to the chosen value or null (Huỷ / Esc). `useConfirm()` is the yes/no shortcut.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface Choice<T extends string> {
  value: T;
  label: string;
  kind?: 'primary' | 'danger' | 'normal';
}
export interface AskOptions<T extends string> {
  title: string;
  message: ReactNode;
  choices: Choice<T>[];
  cancelLabel?: string;
  wide?: boolean;
}
type Ask = <T extends string>(options: AskOptions<T>) => Promise<T | null>;

const AskContext = createContext<Ask | null>(null);

export function AskProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<AskOptions<string> | null>(null);
  const resolver = useRef<((v: string | null) => void) | null>(null);
  const ask = useCallback<Ask>(
    (options) =>
      new Promise((resolve) => {
        resolver.current?.(null);
        resolver.current = resolve as (v: string | null) => void;
        setCurrent(options as AskOptions<string>);
      }),
    [],
  );
  const finish = (v: string | null) => {
    resolver.current?.(v);
    resolver.current = null;
    setCurrent(null);
  };
  return (
    <AskContext.Provider value={ask}>
      {children}
      <Dialog
        open={current !== null}
        title={current?.title ?? ''}
        onClose={() => finish(null)}
        wide={current?.wide ?? false}
        footer={
          <>
            {current?.choices.map((c) => (
              <button key={c.value} type="button" className={`btn btn-${c.kind ?? 'normal'}`} onClick={() => finish(c.value)}>
                {c.label}
              </button>
            ))}
            <button type="button" className="btn" onClick={() => finish(null)}>
              {current?.cancelLabel ?? 'Huỷ'}
            </button>
          </>
        }
      >
        <div className="ask-message">{current?.message}</div>
      </Dialog>
    </AskContext.Provider>
  );
}

export function useAsk(): Ask {
  const ask = useContext(AskContext);
  if (!ask) throw new Error('useAsk outside AskProvider');
  return ask;
}

/** Yes/no question; resolves true when confirmed. */
export function useConfirm() {
  const ask = useAsk();
  return useCallback(
    async (title: string, message: ReactNode, confirmLabel = 'Đồng ý', danger = false) =>
      (await ask({ title, message, choices: [{ value: 'yes', label: confirmLabel, kind: danger ? 'danger' : 'primary' }] })) === 'yes',
    [ask],
  );
}
