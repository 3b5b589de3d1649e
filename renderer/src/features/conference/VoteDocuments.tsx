/**
 * The conference's papers through the document toolbar: the ballots of a round (copies = units
 * present + spare ballots; one A4 or two A5 per page) and the vote-count minutes, both made from
 * the stored conference and accepted rounds (voteContextOf in main, as the CLI does).
 */
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract';
import { DocumentPreview, DocumentToolbar } from '../../ui/document/DocumentToolbar';
import { useDocument, type DocumentJob } from '../../ui/document/useDocument';
import { readBlocData } from '../../db/repo-package';

export function VoteDocuments(props: { blocId: string; year: number; present: number; spares: number; rounds: number[]; onError: (e: ApiError | null) => void }) {
  const { blocId, year, present, spares, rounds } = props;
  const [round, setRound] = useState(1);
  const [perPage, setPerPage] = useState<1 | 2>(1);
  const ballots = useDocument({
    label: 'phiếu bầu',
    onError: props.onError,
    job: async (): Promise<DocumentJob> => ({ kind: 'ballots', data: await readBlocData(blocId), year, options: { round, spares, perPage } }),
  });
  const minutes = useDocument({
    label: 'biên bản kiểm phiếu',
    onError: props.onError,
    job: async (): Promise<DocumentJob> => ({ kind: 'vote-minutes', data: await readBlocData(blocId), year }),
  });
  return (
    <div className="card" data-testid="vote-documents">
      <div className="card-header">
        <h2>Phiếu bầu và biên bản kiểm phiếu</h2>
      </div>
      <div className="vote-doc-row">
        <label>
          Lần bỏ phiếu
          <select value={round} onChange={(e) => setRound(Number(e.target.value))} aria-label="Lần bỏ phiếu">
            {rounds.map((r) => (
              <option key={r} value={r}>
                Lần {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Khổ in
          <select value={perPage} onChange={(e) => setPerPage(Number(e.target.value) === 2 ? 2 : 1)} aria-label="Khổ in phiếu bầu">
            <option value={1}>Mỗi phiếu một trang A4</option>
            <option value={2}>Hai phiếu A5 trên một trang A4</option>
          </select>
        </label>
        <span className="muted" data-testid="ballot-copies">
          {present + spares} phiếu ({present} đơn vị có mặt + {spares} dự phòng)
        </span>
      </div>
      <DocumentToolbar doc={ballots} disabled={minutes.busy !== null} />
      <div className="vote-doc-row">
        <strong>Biên bản kiểm phiếu</strong>
      </div>
      <DocumentToolbar doc={minutes} disabled={ballots.busy !== null} />
      <DocumentPreview doc={ballots} />
      <DocumentPreview doc={minutes} />
    </div>
  );
}
