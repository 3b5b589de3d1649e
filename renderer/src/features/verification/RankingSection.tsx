/**
 * Xếp hạng of the selected year: the ranking of shared/domain/ranking (verified scores, else self),
 * with the stored eligibility, chair decisions and bands (storedRankingExtras, the same read as the
 * CLI and the documents), each position explained in words, the chair's decision on a shared rank,
 * and the documents: the summary (ranking) and each unit's verification notice.
 */
import { useMemo, useState } from 'react';
import { rankUnits, type RankedUnit } from '../../../../shared/domain/ranking';
import { storedRankingExtras } from '../../../../shared/domain/verification';
import type { ApiError } from '../../../../shared/api/contract';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { toApiError } from '../../api';
import { readBlocData } from '../../db/repo-package';
import { setChairDecision } from '../../db/repo-verification';
import { ErrorBox } from '../../ui/ErrorBox';
import { useNotice } from '../../ui/Notice';
import { DocumentPreview, DocumentToolbar } from '../../ui/document/DocumentToolbar';
import { useDocument } from '../../ui/document/useDocument';
import { useAskFields } from './ReasonDialog';
import { ActorField } from './ActorField';
import { useActor, useVerificationData } from './verification-data';
import './verification.css';

const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatNumberVi(v));

export function RankingSection() {
  const d = useVerificationData();
  const notice = useNotice();
  const actor = useActor();
  const by = actor.by;
  const [error, setError] = useState<ApiError | null>(null);
  const [noticeUnit, setNoticeUnit] = useState('');
  const [ask, dialog] = useAskFields();

  const result = useMemo(() => {
    if (!d.table || !d.members || !d.scores || !d.reviews || !d.yearRecord) return null;
    return rankUnits({
      table: d.table,
      units: d.members,
      scores: d.scores,
      tieRules: d.yearRecord.rules.tieRules,
      ...storedRankingExtras(d.reviews, d.yearReview ?? undefined, d.yearRecord.rules),
    });
  }, [d.table, d.members, d.scores, d.reviews, d.yearReview, d.yearRecord]);

  const year = d.year;
  const blocId = d.blocId;
  const rankingDoc = useDocument({
    label: 'bảng tổng hợp kết quả chấm điểm',
    onError: setError,
    job: async () => (blocId && year ? { kind: 'ranking', data: await readBlocData(blocId), year } : null),
  });
  const noticeDoc = useDocument({
    label: 'thông báo kết quả thẩm định',
    onError: setError,
    job: async () => {
      const unitId = noticeUnit || d.members?.[0]?.id;
      return blocId && year && unitId ? { kind: 'verification-notice', data: await readBlocData(blocId), year, options: { unitId } } : null;
    },
  });

  if (!blocId || !year) return <p className="muted">Hãy chọn khối thi đua và năm thi đua trước.</p>;
  if (d.loading || !actor.ready) return <p className="muted">Đang tải dữ liệu xếp hạng…</p>;
  if (!d.table || !result) return <p className="warning-box">Năm {year} chưa có bảng chấm điểm nên chưa xếp hạng được.</p>;

  const decide = async (entry: RankedUnit) => {
    const group = result.entries.filter((e) => e.rank === entry.rank);
    const revote = entry.pending === 'revote';
    const v = await ask({
      title: `${revote ? 'Kết quả bỏ phiếu lại' : 'Quyết định của chủ trì'}: hạng ${entry.rank}`,
      intro: (
        <p>
          Các đơn vị đồng hạng: {group.map((e) => `${e.code} (${e.name})`).join(', ')}. Ghi mã đơn vị theo thứ tự từ cao xuống thấp, cách nhau bởi dấu phẩy.
        </p>
      ),
      fields: [
        { name: 'order', label: 'Thứ tự (mã đơn vị)', required: 'Cần ghi thứ tự các đơn vị.', initial: group.map((e) => e.code).join(', ') },
        revote
          ? { name: 'reason', label: 'Kết quả bỏ phiếu (số phiếu, biên bản)', multiline: true, required: 'Cần ghi kết quả bỏ phiếu lại.' }
          : { name: 'reason', label: 'Lý do', multiline: true, required: 'Cần ghi lý do của quyết định.' },
      ],
      confirm: revote ? 'Ghi kết quả' : 'Ghi quyết định',
    });
    if (!v) return;
    const byCode = new Map(group.map((e) => [e.code.toLowerCase(), e.unitId]));
    const order = v.order!.split(/[,;\s]+/).filter(Boolean).map((c) => byCode.get(c.toLowerCase()));
    try {
      if (order.some((o) => o === undefined)) throw new Error(`Thứ tự phải gồm đúng các mã: ${group.map((e) => e.code).join(', ')}.`);
      await setChairDecision({ blocId, year }, group.map((e) => e.unitId), order as string[], v.reason!, by);
      setError(null);
      notice.notify('success', revote ? 'Đã ghi kết quả bỏ phiếu lại.' : 'Đã ghi quyết định của chủ trì.');
    } catch (err) {
      setError(toApiError(err));
    }
  };

  const unverifiedCount = result.entries.filter((e) => e.submitted && !e.verified).length;
  return (
    <section className="screen ranking-section" aria-labelledby="ranking-heading" data-testid="ranking-section">
      <header className="screen-header no-print">
        <div>
          <h1 id="ranking-heading">Xếp hạng thi đua năm {year}</h1>
          <p className="muted">
            Tổng điểm là điểm thẩm định, hoặc điểm tự chấm ở tiêu chí chưa thẩm định. {d.yearReview?.lockedAt ? 'Kết quả năm đã khóa.' : 'Kết quả năm chưa khóa.'}
            {unverifiedCount > 0 && ` ${unverifiedCount} đơn vị còn tiêu chí chưa thẩm định (đánh dấu *).`}
          </p>
        </div>
        <div className="toolbar">
          <ActorField k={{ blocId, year }} by={by} setBy={actor.setBy} secretary={actor.secretary} team={d.yearReview?.team ?? []} />
        </div>
      </header>
      <ErrorBox error={error} />
      {result.warnings.map((w) => (
        <p key={w} className="warning-box">
          {w}
        </p>
      ))}
      <div className="toolbar no-print">
        <strong>Bảng tổng hợp kết quả chấm điểm</strong>
        <DocumentToolbar doc={rankingDoc} />
      </div>
      <div className="toolbar no-print">
        <strong>Thông báo kết quả thẩm định</strong>
        <select aria-label="Đơn vị nhận thông báo" value={noticeUnit || d.members?.[0]?.id || ''} onChange={(e) => setNoticeUnit(e.target.value)}>
          {(d.members ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.code} – {u.name}
            </option>
          ))}
        </select>
        <DocumentToolbar doc={noticeDoc} />
      </div>
      <DocumentPreview doc={rankingDoc} />
      <DocumentPreview doc={noticeDoc} />
      <table className="data-table ranking-table" aria-label={`Xếp hạng năm ${year}`}>
        <thead>
          <tr>
            <th>Hạng</th>
            <th>Mã</th>
            <th>Đơn vị</th>
            <th>Tự chấm</th>
            <th>Điểm cộng</th>
            <th>Điểm trừ</th>
            <th>Tổng điểm</th>
            <th>Xếp loại</th>
            <th>Điều kiện khen thưởng</th>
            <th>Giải thích</th>
          </tr>
        </thead>
        <tbody>
          {result.entries.map((e) => (
            <tr key={e.unitId} data-unit={e.code} className={e.eligible ? undefined : 'ineligible'}>
              <td>
                {e.rank === null ? 'chưa nộp' : e.rank}
                {e.tiedWith.length > 0 && <div className="badge">đồng hạng</div>}
              </td>
              <td>{e.code}</td>
              <td>
                {e.name}
                {e.submitted && !e.verified && (
                  <span className="muted" title={`Chưa thẩm định: ${e.unverified.join(', ')}`}>
                    {' '}
                    *
                  </span>
                )}
              </td>
              <td className="num">{n(e.selfTotal)}</td>
              <td className="num">{n(e.totals?.bonus)}</td>
              <td className="num">{n(e.totals?.deduction)}</td>
              <td className="num">
                <strong>{e.totals ? n(e.totals.total) : 'chưa nộp'}</strong>
              </td>
              <td>{e.classification ?? ''}</td>
              <td>{e.eligible ? 'Đủ điều kiện' : `Không đủ điều kiện${e.eligibility ? `: ${e.eligibility.reason}` : ''}`}</td>
              <td className="explanation">
                {e.explanation}
                {e.pending && (
                  <div>
                    <strong>Còn phải quyết định: {e.pending === 'revote' ? 'bỏ phiếu lại' : 'chủ trì quyết định'}.</strong>{' '}
                    <button type="button" className="btn btn-small" onClick={() => void decide(e)}>
                      {e.pending === 'revote' ? 'Nhập kết quả bỏ phiếu lại…' : 'Nhập quyết định của chủ trì…'}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialog}
    </section>
  );
}
