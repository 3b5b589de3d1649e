/**
 * The main-process services behind the loopback bridge. Loaded after the server listens (a
 * dynamic import, a separate chunk in the bundle): exceljs, pdfmake and conf take about a second
 * to load on a busy machine, which must not delay the server's first answer.
 */
export { dispatch } from '../../../electron/services/bridge/dispatch';
export { handlers } from '../../../electron/services/handlers/index';
export { createConfSettings } from '../../../electron/services/settings/conf-store';
export { PACKAGE_MAX_FILE_BYTES } from '../../../shared/package/format';
export { forgetCheckedSheets } from '../../../electron/services/handover/checked-sheets';
