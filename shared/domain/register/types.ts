/**
 * The document register (sổ văn bản đi): one entry per number the bloc has issued. Numbers run per
 * document type (BB, BC, TTr, GM, KH, GƯ…) and restart on 1 January of the issue date's calendar
 * year (not the emulation year: minutes of a January conference for year N are numbered in N+1).
 */

/** Types of document the bloc numbers, with their Vietnamese names (Nghị định 30/2020, Phụ lục III). */
export const REGISTER_TYPES = {
  GM: 'Giấy mời',
  BB: 'Biên bản',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  KH: 'Kế hoạch',
  'GƯ': 'Giao ước',
  QC: 'Quy chế',
  TB: 'Thông báo',
  CTr: 'Chương trình',
} as const;
export type RegisterType = keyof typeof REGISTER_TYPES;

export interface RegisterVoid {
  /** ISO time the number was voided. */
  at: string;
  reason: string;
}

export interface RegisterEntry {
  id: string;
  /** Calendar year of the number (the year of `date`). */
  year: number;
  type: RegisterType;
  /** 1, 2, 3… within the type and calendar year; never reused, even when voided. */
  number: number;
  /** The bloc's symbol when the number was issued ("KTĐVHXH"); kept as issued. */
  symbol: string;
  /** ISO date printed on the document (yyyy-mm-dd). */
  date: string;
  /** The document kind printed under this number ("minutes", "proposal"); empty for a document typed elsewhere. */
  documentKind: string;
  /** The emulation year the document belongs to. */
  blocYear: number;
  /** Trích yếu nội dung. */
  summary: string;
  /** Người ký. */
  signer: string;
  /** ISO time the number was taken. */
  issuedAt: string;
  /** Set when the number is voided; the entry stays and the number is never given again. */
  voided: RegisterVoid | null;
}

/** What the user fills in when issuing a document. */
export interface IssueRequest {
  id: string;
  type: RegisterType;
  date: string;
  symbol: string;
  documentKind: string;
  blocYear: number;
  summary: string;
  signer: string;
  issuedAt: string;
}
