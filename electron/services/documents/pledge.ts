/**
 * Bản giao ước thi đua: the bloc's header, title, căn cứ lines, introduction, numbered
 * commitments and the signature grid of the member units (2 or 3 columns, the pledge's order),
 * with an optional witness block (CHỨNG KIẾN).
 */
import { UserError } from '../../../shared/errors';
import { defaultPledge } from '../../../shared/domain/pledge-defaults';
import { signerLines } from '../../../shared/domain/signer-lines';
import type { BlocData, Pledge, Unit } from '../../../shared/model/records';
import { deepNfc } from '../../../shared/text/vietnamese';
import {
  createDocument,
  documentHeader,
  documentTitle,
  legalBasis,
  numberedItems,
  pageGeometry,
  paragraph,
  signatureBlock,
  signatureGrid,
  upperVi,
  type Content,
  type DocumentDefinition,
  type DocumentSetup,
  type SignatureCell,
} from './base/index';
import { unitImages } from './images';

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

export function pledgeDocument(rawData: BlocData, rawPledge: Pledge, setup: DocumentSetup): DocumentDefinition {
  const data = deepNfc(rawData);
  const pledge = deepNfc(rawPledge);
  const geometry = pageGeometry(setup);
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
    signatureImage: images.get(u.id)?.signature ?? null,
    stampImage: images.get(u.id)?.stamp ?? null,
  }));

  const content: Content[] = [
    documentHeader(geometry, {
      issuer: {
        parent: data.bloc.issuingParent,
        body: data.bloc.issuingBody.trim() || data.bloc.name,
        partyFormat: data.bloc.partyFormat,
      },
      number: pledge.documentNumber,
      place: pledge.place,
      date: pledge.date,
    }),
    documentTitle(pledge.title.trim() || `Bản giao ước thi đua năm ${pledge.year}`),
    ...legalBasis(pledge.legalBasis),
    ...(pledge.intro.trim() ? [paragraph(pledge.intro)] : []),
    ...numberedItems(pledge.commitments),
    ...signatureGrid(geometry, cells, pledge.columns, {
      text: PLEDGE_SIGNERS_HEADING,
      bold: true,
      alignment: 'center',
      margin: [0, 10, 0, 10],
    }),
  ];

  const witness = pledge.witness;
  if (witness && (witness.name.trim() || witness.organisation.trim())) {
    const width = geometry.contentWidth * 0.6;
    const block = signatureBlock(
      { authority: witness.organisation, title: witness.title, name: witness.name },
      width,
      13,
    );
    content.push({
      unbreakable: true,
      margin: [0, 6, 0, 0],
      columns: [
        { width: '*', text: '' },
        { width, stack: [{ text: upperVi(witness.label.trim() || 'Chứng kiến'), bold: true, alignment: 'center' }, block] },
        { width: '*', text: '' },
      ],
    });
  }

  return createDocument(setup, { title: pledge.title || `Bản giao ước thi đua năm ${pledge.year}`, author: data.bloc.issuingBody || data.bloc.name }, content);
}
