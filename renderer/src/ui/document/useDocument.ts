/**
 * The document actions of a screen that prints: preview (PDF pages in the app), save as PDF, save
 * as Word, print. Every kind goes through the same two channels, `documents.render` and
 * `documents.save`; the screen only says what to print.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import type { DocumentFormat, DocumentRequest } from '../../../../shared/api/channels/documents';
import { api, toApiError } from '../../api';
import { useNotice } from '../Notice';

export type DocumentJob = Omit<DocumentRequest, 'format'>;
export type DocumentBusy = 'preview' | DocumentFormat | 'print';

export interface DocumentSource {
  /** What to print now; null when the screen refuses (it shows its own error). */
  job(): Promise<DocumentJob | null>;
  /** The document in the notices, lower case: "bản giao ước", "bảng chấm điểm". */
  label: string;
  /** Shows or clears the screen's error. */
  onError(error: ApiError | null): void;
}

export interface DocumentActions {
  label: string;
  busy: DocumentBusy | null;
  /** The previewed PDF, until closed or cleared. */
  pdf: Uint8Array<ArrayBuffer> | null;
  preview(): Promise<void>;
  closePreview(): void;
  save(format: DocumentFormat): Promise<void>;
  print(): Promise<void>;
}

const FORMAT_LABEL: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'Word', zip: 'tệp nén (.zip)' };

export function useDocument(source: DocumentSource): DocumentActions {
  const notice = useNotice();
  const [busy, setBusy] = useState<DocumentBusy | null>(null);
  const [pdf, setPdf] = useState<Uint8Array<ArrayBuffer> | null>(null);
  const { job, label, onError } = source;
  const closePreview = useCallback(() => setPdf(null), []);

  const act = async (kind: DocumentBusy, action: (job: DocumentJob) => Promise<ApiError | null>) => {
    setBusy(kind);
    try {
      const j = await job();
      if (!j) return;
      onError(await action(j));
    } catch (err) {
      onError(toApiError(err));
    } finally {
      setBusy(null);
    }
  };

  const render = async (j: DocumentJob): Promise<Uint8Array<ArrayBuffer> | ApiError> => {
    const r = await api.invoke('documents.render', { ...j, format: 'pdf' });
    return r.ok ? (r.value as Uint8Array<ArrayBuffer>) : r.error;
  };

  return {
    label,
    busy,
    pdf,
    preview: () =>
      act('preview', async (j) => {
        const r = await render(j);
        if (!(r instanceof Uint8Array)) return r;
        setPdf(r);
        return null;
      }),
    closePreview,
    save: (format) =>
      act(format, async (j) => {
        const r = await api.invoke('documents.save', { ...j, format });
        if (!r.ok) return r.error;
        if (r.value) notice.notify('success', `Đã lưu ${FORMAT_LABEL[format]}: ${r.value.path}`);
        return null;
      }),
    print: () =>
      act('print', async (j) => {
        const bytes = pdf ?? (await render(j));
        if (!(bytes instanceof Uint8Array)) return bytes;
        const r = await api.invoke('file.print', { pdf: bytes });
        if (!r.ok) return r.error;
        if (r.value.printed) notice.notify('success', `Đã mở ${label} để in (chọn máy in trong cửa sổ vừa mở).`);
        return null;
      }),
  };
}
