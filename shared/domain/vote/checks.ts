/**
 * Consistency checks of one round's tally. Errors block the round's verdict; warnings need the
 * secretariat's confirmation but do not block.
 */
import type { IssueList } from './issues';
import { listUnits } from './issues';
import type { BallotCounts } from './types';

export interface RoundCheckInput {
  ballots: BallotCounts;
  votes: Readonly<Record<string, number>>;
  members: ReadonlySet<string>;
  ineligible: ReadonlySet<string>;
  /** Units on this round's ballot. */
  candidates: ReadonlySet<string>;
  presentCount: number;
  spareBallots: number;
  maxMarks: number;
  names: Readonly<Record<string, string>>;
}

export function checkRound(c: RoundCheckInput, out: IssueList): void {
  const { issued, returned, valid, invalid } = c.ballots;
  const name = (code: string) => listUnits([code], c.names);

  if (returned > issued) {
    out.error('ballots.returnedOverIssued', `số phiếu thu vào (${returned}) lớn hơn số phiếu phát ra (${issued}).`);
  }
  const allowed = c.presentCount + c.spareBallots;
  if (issued > allowed) {
    const spare = c.spareBallots ? ` cộng ${c.spareBallots} phiếu dự phòng` : '';
    out.error(
      'ballots.issuedOverPresent',
      `số phiếu phát ra (${issued}) lớn hơn số đơn vị có mặt (${c.presentCount})${spare}.`,
    );
  }
  if (valid + invalid !== returned) {
    out.error(
      'ballots.sumMismatch',
      `số phiếu hợp lệ (${valid}) cộng số phiếu không hợp lệ (${invalid}) bằng ${valid + invalid}, khác số phiếu thu vào (${returned}).`,
    );
  }
  if (returned < issued) {
    out.warn('ballots.notReturned', `còn ${issued - returned} phiếu phát ra chưa thu về (phát ra ${issued}, thu vào ${returned}).`);
  }

  let total = 0;
  for (const [code, n] of Object.entries(c.votes)) {
    if (!c.members.has(code)) {
      out.error('votes.unknownUnit', `có phiếu cho mã đơn vị "${code}" không thuộc khối.`);
      continue;
    }
    if (n === 0) continue;
    if (c.ineligible.has(code)) {
      out.error('votes.ineligible', `${name(code)} không đủ điều kiện đề nghị nhưng có ${n} phiếu.`);
    } else if (!c.candidates.has(code)) {
      out.error('votes.notCandidate', `${name(code)} không có tên trên phiếu của vòng này nhưng có ${n} phiếu.`);
    }
    if (n > valid) {
      out.error('votes.overValid', `${name(code)} có ${n} phiếu, nhiều hơn số phiếu hợp lệ (${valid}).`);
    }
    total += n;
  }
  if (total > valid * c.maxMarks) {
    out.error(
      'votes.totalOverMax',
      `tổng số phiếu bầu cho các đơn vị (${total}) lớn hơn số phiếu hợp lệ × số đơn vị được chọn tối đa (${valid} × ${c.maxMarks} = ${valid * c.maxMarks}).`,
    );
  }
  // Unusually low: fewer than one mark for every two valid ballots. A blank section is valid, but
  // that many blank ballots more likely means votes were not entered.
  if (valid > 0 && c.maxMarks > 0 && c.candidates.size > 0 && total * 2 < valid) {
    out.warn(
      'votes.lowTotal',
      `tổng số phiếu bầu cho các đơn vị (${total}) thấp bất thường so với ${valid} phiếu hợp lệ (dưới một nửa): kiểm tra lại đã nhập đủ chưa.`,
    );
  }
}
