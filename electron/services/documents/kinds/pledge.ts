/**
 * Bản giao ước thi đua: the bloc's header, title, căn cứ lines, introduction, numbered
 * commitments and the signature grid of the member units (2 or 3 columns, the pledge's order),
 * with an optional witness block (CHỨNG KIẾN).
 */
import { UserError } from '../../../../shared/errors';
import { conferenceContextOf } from '../../../../shared/domain/documents/conference-context';
import { defaultPledge } from '../../../../shared/domain/pledge-defaults';
import { documentNumberDate, issuedEntryFor, registerTypeOfKind, type NumberDate } from '../../../../shared/domain/register';
import { signerLines } from '../../../../shared/domain/signer-lines';
import type { BlocData, Pledge, Unit } from '../../../../shared/model/records';
import { deepNfc } from '../../../../shared/text/vietnamese';
import {
  bodyParagraph,
  documentModel,
  header,
  legalBasis,
  numberedList,
  signatureBlock,
  signatureGrid,
  title,
  type Block,
  type DocumentModel,
  type SignatureCell,
} from '../model/index';
import { unitImages } from '../images';
import type { DocumentModule } from './kind';
/** Heading above the grid. */
export const PLEDGE_SIGNERS_HEADING = 'ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN KÝ GIAO ƯỚC';

/** The units of the grid, in the pledge's order (the year's members when the pledge lists none). */
export function pledgeUnits(data: BlocData, pledge: Pledge): Unit[] {
  const byId = new Map(data.units.map((u) => [u.id, u]));
  let ids = pledge.unitIds;
  if (ids.length === 0) ids = data.years.find((y) => y.year === pledge.year)?.memberUnitIds ?? [];
  return ids.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined);
}

/** The pledge of the year: the saved record, or the default content when none is saved yet. */
export function pledgeForYear(data: BlocData, year: number, now = new Date().toISOString()): Pledge {
  return data.pledges.find((p) => p.year === year) ?? defaultPledge(data, year, now);
}

/** The number line: the register's number of the pledge when issued, else the number typed on the pledge (none when blank). */
function pledgeNumberDate(data: BlocData, pledge: Pledge): NumberDate {
  const ctx = conferenceContextOf(data, pledge.year);
  const issued = issuedEntryFor(ctx.register, 'pledge', pledge.year);
  return documentNumberDate({ type: issued ? registerTypeOfKind('pledge') : null, symbol: ctx.symbol, partyFormat: data.bloc.partyFormat, issued, draftDate: pledge.date, typed: pledge.documentNumber });
}

/** The pledge as a document: header, title, căn cứ, introduction, commitments, the signers' grid, the witness. */
export function pledgeModel(rawData: BlocData, rawPledge: Pledge): DocumentModel {
  const data = deepNfc(rawData);
  const pledge = deepNfc(rawPledge);
  const units = pledgeUnits(data, pledge);
  if (units.length === 0) {
    throw new UserError(
      'pledge-no-units',
      `Bản giao ước thi đua năm ${pledge.year} chưa có đơn vị ký nào. Hãy chọn các đơn vị thành viên ký giao ước.`,
    );
  }
  const images = unitImages(data);
  const cells: SignatureCell[] = units.map((u) => ({
    heading: u.name,
    ...signerLines(u),
    signature: images.get(u.id)?.signature ?? null,
    stamp: images.get(u.id)?.stamp ?? null,
  }));

  const body: Block[] = [
    header({ parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat }, { ...pledgeNumberDate(data, pledge), place: pledge.place }),
    title(pledge.title.trim() || `Bản giao ước thi đua năm ${pledge.year}`),
    ...legalBasis(pledge.legalBasis),
    ...(pledge.intro.trim() ? [bodyParagraph(pledge.intro)] : []),
    numberedList(pledge.commitments),
    signatureGrid(cells, pledge.columns, PLEDGE_SIGNERS_HEADING),
  ];

  const witness = pledge.witness;
  if (witness && (witness.name.trim() || witness.organisation.trim())) {
    body.push(
      signatureBlock(
        { authority: witness.organisation, title: witness.title, name: witness.name },
        { label: witness.label.trim() || 'Chứng kiến', width: 0.6, position: 'center', fontSize: 13 },
      ),
    );
  }

  return documentModel(
    { title: pledge.title || `Bản giao ước thi đua năm ${pledge.year}`, author: data.bloc.issuingBody || data.bloc.name },
    body,
  );
}

export const pledgeKind: DocumentModule = {
  kind: 'pledge',
  title: 'Bản giao ước thi đua',
  formats: ['pdf', 'docx'],
  options: [],
  fileName: (_data, year) => `Giao-uoc-thi-dua-${year}`,
  build: (data, year, _options, { now }) => pledgeModel(data, pledgeForYear(data, year, now)),
};
