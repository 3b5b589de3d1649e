/** Sao lưu & bàn giao: export the whole bloc to one *.blocdesk file, import one, load the sample. */
import { useState } from 'react';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import type { ApiError } from '../../../../shared/api/contract';
import { api, toApiError } from '../../api';
import { useBloc, useUnits, useYears } from '../../app/hooks';
import { useNavigation } from '../../app/navigation';
import { useSettings } from '../../app/settings';
import { phase } from '../../db/phase-timing';
import { ErrorBox } from '../../ui/ErrorBox';
import { DropZone } from '../../ui/DropZone';
import { formatBytes } from '../../app/PackagePreview';
import { useImportPackage } from '../../app/useImportPackage';
import { useLoadSample } from '../../app/useLoadSample';
import { secretariatOf } from '../../app/secretariat';
import { uploadBloc } from '../../app/upload-bloc';

export function HandoverScreen() {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Sao lưu &amp; bàn giao</h1>
      </header>
      <p className="muted">
        Gói bàn giao (*.blocdesk) chứa toàn bộ dữ liệu của một khối: đơn vị, các năm thi đua, bảng chấm điểm, giao ước, điểm chấm và tệp đính kèm. Dùng để
        sao lưu hoặc chuyển cho bộ phận thư ký của năm sau (qua USB hoặc thư điện tử).
      </p>
      <ExportCard />
      <ImportCard />
      <SampleCard />
    </section>
  );
}

function ExportCard() {
  const bloc = useBloc();
  const units = useUnits();
  const years = useYears();
  const { settings } = useSettings();
  const { go } = useNavigation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<{ path: string; bytes: number } | null>(null);

  const exportBloc = () =>
    phase('export:whole', async () => {
      if (!bloc) return;
      setBusy(true);
      setError(null);
      try {
        // Read in the bloc worker and sent a part at a time; main packs each part as it comes.
        const sent = await phase('export:upload', () => uploadBloc(bloc.id));
        if (!sent.ok) return setError(sent.error);
        const createdBy = secretariatOf({ years: years ?? [], units: units ?? [] }, settings.agency);
        const r = await phase('export:finish', () => api.invoke('handover.export', { upload: sent.value.upload, createdBy }));
        if (!r.ok) setError(r.error);
        else if (r.value) setLast(r.value);
      } catch (err) {
        setError(toApiError(err));
      } finally {
        setBusy(false);
      }
    });

  return (
    <div className="card">
      <h2>Xuất gói bàn giao</h2>
      {bloc ? (
        <>
          <p>
            <strong>{bloc.name}</strong>: {formatNumberVi(units?.length ?? 0)} đơn vị, {formatNumberVi(years?.length ?? 0)} năm thi đua
            {years && years.length > 0 && ` (${years.map((y) => y.year).join(', ')})`}.
          </p>
          {!settings.agency && (
            <p className="callout">
              Chưa khai báo cơ quan của bộ phận thư ký, nên gói sẽ không ghi đơn vị lập.{' '}
              <button type="button" className="link" onClick={() => go('settings')}>
                Khai báo trong Cài đặt
              </button>
            </p>
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void exportBloc()}>
            {busy ? 'Đang xuất…' : 'Xuất gói bàn giao…'}
          </button>
          {last && (
            <p className="success-text" data-testid="export-result">
              Đã lưu {last.path} ({formatBytes(last.bytes)}).
            </p>
          )}
          <ErrorBox error={error} />
        </>
      ) : (
        <p className="muted">Chưa có khối thi đua nào để xuất.</p>
      )}
    </div>
  );
}

function ImportCard() {
  const { openFromDialog, readFile, busy, error } = useImportPackage();
  return (
    <div className="card">
      <h2>Nhập gói bàn giao</h2>
      <p>
        Ứng dụng kiểm tra gói và cho xem trước nội dung. Sau đó bạn chọn thay thế bản đang có trên máy hoặc thêm thành một khối riêng; dữ liệu không bao giờ bị
        trộn lẫn.
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void openFromDialog()}>
          {busy ? 'Đang đọc gói…' : 'Mở gói bàn giao…'}
        </button>
      </div>
      <DropZone onFile={(f) => void readFile(f)} disabled={busy} />
      <ErrorBox error={error} />
    </div>
  );
}

function SampleCard() {
  const loadSample = useLoadSample();
  return (
    <div className="card">
      <h2>Dữ liệu mẫu</h2>
      <p>Nạp «Khối thi đua Văn hóa - Xã hội» gồm 8 đơn vị, các năm 2023 và 2024 và bảng chấm điểm, để làm quen với ứng dụng.</p>
      <button type="button" className="btn" onClick={() => void loadSample()}>
        Nạp dữ liệu mẫu
      </button>
    </div>
  );
}
