/** Shown instead of a year's screen while no emulation year is selected. */
import { useNavigation } from '../../app/navigation';

export function NeedsYear({ sectionLabel }: { sectionLabel: string }) {
  const { go } = useNavigation();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{sectionLabel}</h1>
      </header>
      <div className="card">
        <p>Khối chưa có năm thi đua nào. Hãy tạo năm thi đua trước (ví dụ năm 2025).</p>
        <button type="button" className="btn btn-primary" onClick={() => go('years')}>
          Đến Năm thi đua
        </button>
      </div>
    </section>
  );
}
