/**
 * The scoring table as an editable tree: groups (code, title, kind, cap) holding criteria (code,
 * text, max, kind, points per item, guidance), with reorder, add and remove; read-only for a
 * locked version. Issues of validateScoringTable are shown at their rows.
 */
import type { CriteriaGroup, CriterionKind } from '../../../../shared/model/records';
import type { ScoringTableIssue } from '../../../../shared/domain/scoring-table';
import { formatNumberVi } from '../../../../shared/text/vietnamese';
import { newId } from '../../db/ids';
import { CRITERION_KIND_LABELS, CRITERION_KINDS, CRITERION_KIND_SHORT, GROUP_KIND_LABELS, GROUP_KINDS } from './labels';
import { NumberInput } from './NumberInput';
import { applyTableEdit, contentTotals, type TableContent, type TableEdit } from './table-edit';

interface Props {
  content: TableContent;
  onChange: (next: TableContent) => void;
  readOnly: boolean;
  issues: ScoringTableIssue[];
}

export function TableEditor({ content, onChange, readOnly, issues }: Props) {
  const edit = (e: TableEdit) => onChange(applyTableEdit(content, e));
  const totals = contentTotals(content);
  const issuesAt = (criterionCode?: string, groupCode?: string) =>
    issues.filter((i) => (criterionCode ? i.criterionCode === criterionCode : !i.criterionCode && i.groupCode === groupCode));

  return (
    <div className="table-editor" data-testid="scoring-editor">
      <div className="field-row">
        {readOnly ? (
          <h2 className="grow table-title">
            {content.title} <span className="muted">(thang điểm {formatNumberVi(content.scale)})</span>
          </h2>
        ) : (
          <>
            <label className="field grow">
              <span>Tên bảng chấm điểm</span>
              <input value={content.title} onChange={(e) => edit({ type: 'setTitle', title: e.target.value })} />
            </label>
            <label className="field">
              <span>Thang điểm</span>
              <NumberInput label="Thang điểm" value={content.scale} onChange={(v) => edit({ type: 'setScale', scale: v ?? 0 })} />
            </label>
          </>
        )}
      </div>

      <table className="data-table scoring-tree">
        <thead>
          <tr>
            <th className="col-code">Mã</th>
            <th>Nội dung tiêu chí và hướng dẫn chấm</th>
            <th className="col-num">Điểm tối đa</th>
            <th className="col-kind">Loại</th>
            {!readOnly && <th className="col-actions">Thao tác</th>}
          </tr>
        </thead>
        {content.groups.map((g, gi) => (
          <tbody key={g.id} className={`group group-${g.kind}`} data-testid={`group-${g.code}`}>
            <tr className="group-row">
              <td>
                {readOnly ? (
                  g.code
                ) : (
                  <input className="code" aria-label={`Mã nhóm ${gi + 1}`} value={g.code} onChange={(e) => edit({ type: 'updateGroup', groupId: g.id, patch: { code: e.target.value } })} />
                )}
              </td>
              <td>
                {readOnly ? (
                  g.title
                ) : (
                  <input
                    className="group-title"
                    aria-label={`Tên nhóm ${g.code}`}
                    value={g.title}
                    onChange={(e) => edit({ type: 'updateGroup', groupId: g.id, patch: { title: e.target.value } })}
                  />
                )}
                <GroupIssues issues={issuesAt(undefined, g.code)} />
              </td>
              <td className="col-num">
                <span className="muted">{formatNumberVi(g.criteria.reduce((s, c) => s + c.max, 0))}</span>
                {readOnly ? (
                  g.cap !== undefined && <div className="cap">tối đa {formatNumberVi(g.cap)}</div>
                ) : (
                <label className="cap">
                  <span>Trần nhóm</span>
                  <NumberInput
                    label={`Mức tối đa của nhóm ${g.code}`}
                    optional
                    value={g.cap}
                    onChange={(v) => edit({ type: 'updateGroup', groupId: g.id, patch: { cap: v } })}
                  />
                </label>
                )}
              </td>
              <td>
                {readOnly ? (
                  <span className="muted">{GROUP_KIND_LABELS[g.kind]}</span>
                ) : (
                <select
                  aria-label={`Loại nhóm ${g.code}`}
                  value={g.kind}
                  onChange={(e) => edit({ type: 'updateGroup', groupId: g.id, patch: { kind: e.target.value as CriteriaGroup['kind'] } })}
                >
                  {GROUP_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {GROUP_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
                )}
              </td>
              {!readOnly && (
                <td className="row-actions">
                  <button type="button" className="btn-icon" aria-label={`Chuyển nhóm ${g.code} lên`} title="Chuyển nhóm lên" disabled={gi === 0} onClick={() => edit({ type: 'moveGroup', groupId: g.id, by: -1 })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn-icon"
                    aria-label={`Chuyển nhóm ${g.code} xuống`}
                    title="Chuyển nhóm xuống"
                    disabled={gi === content.groups.length - 1}
                    onClick={() => edit({ type: 'moveGroup', groupId: g.id, by: 1 })}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn-icon btn-danger" aria-label={`Xoá nhóm ${g.code}`} title="Xoá nhóm và các tiêu chí của nhóm" onClick={() => edit({ type: 'removeGroup', groupId: g.id })}>
                    ✕
                  </button>
                </td>
              )}
            </tr>
            {g.criteria.map((c, ci) => {
              const own = issuesAt(c.code);
              return (
                <tr key={c.id} className={own.some((i) => i.level === 'error') ? 'criterion-row has-error' : 'criterion-row'} data-testid={`criterion-${c.code}`}>
                  <td>
                    {readOnly ? (
                      c.code
                    ) : (
                      <input
                        className="code"
                        aria-label={`Mã tiêu chí ${ci + 1} của nhóm ${g.code}`}
                        value={c.code}
                        onChange={(e) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { code: e.target.value } })}
                      />
                    )}
                  </td>
                  <td>
                    {readOnly ? (
                      <div aria-label={`Nội dung tiêu chí ${c.code}`}>{c.title}</div>
                    ) : (
                      <textarea
                        aria-label={`Nội dung tiêu chí ${c.code}`}
                        rows={2}
                        value={c.title}
                        onChange={(e) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { title: e.target.value } })}
                      />
                    )}
                    {readOnly ? (
                      c.guidance && <p className="guidance">{c.guidance}</p>
                    ) : (
                      <textarea
                        className="guidance"
                        aria-label={`Hướng dẫn chấm tiêu chí ${c.code}`}
                        placeholder="Hướng dẫn chấm, minh chứng cần có (không bắt buộc)"
                        rows={1}
                        value={c.guidance}
                        onChange={(e) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { guidance: e.target.value } })}
                      />
                    )}
                    <GroupIssues issues={own} />
                  </td>
                  <td className="col-num">
                    {readOnly ? (
                      formatNumberVi(c.max)
                    ) : (
                      <NumberInput
                        label={`Điểm tối đa tiêu chí ${c.code}`}
                        value={c.max}
                        onChange={(v) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { max: v ?? 0 } })}
                      />
                    )}
                    {c.kind === 'count' && readOnly && c.perItem !== undefined && <div className="per-item">{formatNumberVi(c.perItem)} điểm mỗi lần</div>}
                    {c.kind === 'count' && !readOnly && (
                      <label className="per-item">
                        <span>Điểm mỗi lần</span>
                        <NumberInput
                          label={`Điểm mỗi lần của tiêu chí ${c.code}`}
                          value={c.perItem}
                          onChange={(v) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { perItem: v ?? 1 } })}
                        />
                      </label>
                    )}
                  </td>
                  <td>
                    {readOnly ? (
                      CRITERION_KIND_SHORT[c.kind]
                    ) : (
                      <select
                        aria-label={`Loại tiêu chí ${c.code}`}
                        value={c.kind}
                        onChange={(e) => edit({ type: 'updateCriterion', groupId: g.id, criterionId: c.id, patch: { kind: e.target.value as CriterionKind } })}
                      >
                        {CRITERION_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {CRITERION_KIND_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  {!readOnly && (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn-icon"
                        aria-label={`Chuyển tiêu chí ${c.code} lên`}
                        title="Chuyển lên"
                        disabled={ci === 0}
                        onClick={() => edit({ type: 'moveCriterion', groupId: g.id, criterionId: c.id, by: -1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn-icon"
                        aria-label={`Chuyển tiêu chí ${c.code} xuống`}
                        title="Chuyển xuống"
                        disabled={ci === g.criteria.length - 1}
                        onClick={() => edit({ type: 'moveCriterion', groupId: g.id, criterionId: c.id, by: 1 })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="btn-icon btn-danger"
                        aria-label={`Xoá tiêu chí ${c.code}`}
                        title="Xoá tiêu chí"
                        onClick={() => edit({ type: 'removeCriterion', groupId: g.id, criterionId: c.id })}
                      >
                        ✕
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
            {!readOnly && (
              <tr className="add-row">
                <td />
                <td colSpan={4}>
                  <button type="button" className="btn btn-small" onClick={() => edit({ type: 'addCriterion', groupId: g.id, id: newId() })}>
                    + Thêm tiêu chí vào nhóm {g.code}
                  </button>
                </td>
              </tr>
            )}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <td />
            <td>
              <strong>Tổng điểm chuẩn</strong> (không tính điểm thưởng, điểm trừ)
              {(totals.bonus > 0 || totals.deduction > 0) && (
                <span className="muted">
                  {' '}
                  · thưởng tối đa {formatNumberVi(totals.bonus)} · trừ tối đa {formatNumberVi(totals.deduction)}
                </span>
              )}
            </td>
            <td className="col-num" data-testid="nominal-total">
              <strong>{formatNumberVi(totals.normal)}</strong>
              {totals.normal !== content.scale && <span className="warning-text"> / {formatNumberVi(content.scale)}</span>}
            </td>
            <td colSpan={readOnly ? 1 : 2} />
          </tr>
        </tfoot>
      </table>
      {!readOnly && (
        <button type="button" className="btn" onClick={() => edit({ type: 'addGroup', id: newId(), criterionId: newId() })}>
          + Thêm nhóm tiêu chí
        </button>
      )}
    </div>
  );
}

function GroupIssues({ issues }: { issues: ScoringTableIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="row-issues">
      {issues.map((i, k) => (
        <li key={k} className={i.level === 'error' ? 'error-text' : 'warning-text'}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
