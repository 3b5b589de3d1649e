/** Handlers of the documents channels: PDFs from the bloc's data, with the user's margins and font. */
import type { HandlerMap } from '../bridge/dispatch';
import type { ServiceContext } from '../bridge/context';
import { pledgePdf, scoringTablePdf, type DocumentEnvironment } from '../documents/service';

function environment(ctx: ServiceContext): DocumentEnvironment {
  const settings = ctx.settings.get();
  return { assetsDir: ctx.assetsDir, timesFontDir: settings.timesFontDir, margins: settings.margins };
}

export const documentsHandlers = {
  'documents.pledgePdf': async (ctx, { data, year }) => pledgePdf(data, year, environment(ctx)),
  'documents.scoringTablePdf': async (ctx, { data, year, version }) => scoringTablePdf(data, year, environment(ctx), version),
} satisfies Partial<HandlerMap>;
