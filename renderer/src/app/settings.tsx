/**
 * Settings kept by the main process (`settings.get` / `settings.update`), shared by every screen.
 * The UI font size is applied to the document as soon as it changes.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api';
import type { ApiError } from '../../../shared/api/contract';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/model/settings';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /** A notice from main (e.g. the settings file was corrupted and reset), shown until dismissed. */
  notice: string | null;
  loadError: ApiError | null;
  dismissNotice(): void;
  /** Saves a patch; throws ApiCallError on failure. */
  save(patch: SettingsPatch): Promise<Settings>;
  /** Applies a font size to the page without saving (live preview). */
  previewFontSize(px: number): void;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function applyFontSize(px: number): void {
  document.documentElement.style.fontSize = `${px}px`;
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('settings.get').then((r) => {
      if (!live) return;
      if (r.ok) {
        setSettings(r.value.settings);
        setNotice(r.value.notice);
      } else setLoadError(r.error);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => applyFontSize(settings.fontSize), [settings.fontSize]);

  const save = useCallback(async (patch: SettingsPatch) => {
    const next = await api.call('settings.update', patch);
    setSettings(next);
    return next;
  }, []);

  return (
    <SettingsContext.Provider
      value={{ settings, loaded, notice, loadError, dismissNotice: () => setNotice(null), save, previewFontSize: applyFontSize }}
    >
      {children}
    </SettingsContext.Provider>
  );
}

export function useSettings(): SettingsState {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside SettingsProvider');
  return s;
}
