/**
 * The printed page of every workbook BlocDesk writes: A4, one page wide and as many tall as the
 * rows need, with the heading rows repeated on each page. One home, so every sheet prints alike.
 */
import type { PageSetup } from 'exceljs';

/** The margins of the office's printed tables, in inches (Excel's unit). */
export const TABLE_MARGINS: PageSetup['margins'] = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** A4 fitted to the page width; `titleRows` [first, last] repeat on every page; `more` adds margins, centering. */
export function a4FitToWidth(orientation: 'portrait' | 'landscape', titleRows?: readonly [number, number], more: Partial<PageSetup> = {}): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { printTitlesRow: `${titleRows[0]}:${titleRows[1]}` } : {}),
    ...more,
  };
}
