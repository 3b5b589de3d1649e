/** First start (no bloc yet): create the bloc, load the sample, or import a handover package. */
import { useSession } from '../../app/session';
import { createBloc } from '../../db/repo-bloc';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { useNavigation } from '../../app/navigation';
import { DropZone } from '../../ui/DropZone';
import { useImportPackage } from '../../app/useImportPackage';
import { useLoadSample } from '../../app/useLoadSample';
import { BlocForm } from './BlocForm';

export function Welcome() {
  const { setBlocId } = useSession();
  const { go } = useNavigation();
  const notice = useNotice();
  const loadSample = useLoadSample();
  const importer = useImportPackage();
  return (
    <section className="screen welcome">
      <header className="screen-header">
        <h1>Chào mừng đến với BlocDesk</h1>
      </header>
      <p className="lead">Phần mềm hỗ trợ bộ phận thư ký Khối thi đua. Bắt đầu bằng một trong ba cách sau.</p>
      <div className="welcome-grid">
        <div className="card">
          <h2>1. Tạo khối thi đua</h2>
          <BlocForm
            submitLabel="Tạo khối"
            onSubmit={async (input) => {
              const bloc = await createBloc(input);
              setBlocId(bloc.id);
              go('units');
              notice.notify('success', `Đã tạo ${bloc.name}. Tiếp theo, hãy thêm các đơn vị thành viên.`);
            }}
          />
        </div>
        <div className="welcome-side">
          <div className="card">
            <h2>2. Nhận bàn giao</h2>
            <p>Mở gói bàn giao (*.blocdesk) do bộ phận thư ký năm trước gửi.</p>
            <button type="button" className="btn btn-primary" disabled={importer.busy} onClick={() => void importer.openFromDialog()}>
              Mở gói bàn giao…
            </button>
            <DropZone onFile={(f) => void importer.readFile(f)} disabled={importer.busy} />
            <ErrorBox error={importer.error} />
          </div>
          <div className="card">
            <h2>3. Dữ liệu mẫu</h2>
            <p>Xem thử một khối đầy đủ: Khối thi đua Văn hóa - Xã hội với 8 đơn vị.</p>
            <button type="button" className="btn" onClick={() => void loadSample()}>
              Dùng dữ liệu mẫu
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
