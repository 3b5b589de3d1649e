/**
 * Limits and names of the loopback bridge (test/e2e/support/loopback-bridge.ts), shared with its
 * browser client; nothing here may import Node modules.
 *
 * The body cap is set from what the largest real calls send (`npm run bench bridge-payload`
 * measures them): the whole bloc that `assessment.exportTemplates` or `handover.export` carries,
 * for 40 units × 150 criteria over 5 years with every score's history, is about 21 MB without
 * images, 53 MB with a scanned signature and stamp per unit (400 kB each) and 104 MB when all 80
 * images are incompressible; a workbook at the importer's 20 MB limit is 27 MB once base64-encoded.
 * Anything past the cap gets 413 before it is read into memory.
 */
export const BRIDGE_MAX_BODY_BYTES = 128 * 1024 * 1024;

/** The header every bridge and test-control request carries with the server's per-run token. */
export const BRIDGE_TOKEN_HEADER = 'x-blocdesk-token';

/** The header with which the client asks for the preview's browser file dialogs (NDJSON answer). */
export const BRIDGE_DIALOGS_HEADER = 'x-blocdesk-dialogs';
/** Sent only by benchmark pages: the server then reports its phases in a Server-Timing header. */
export const BRIDGE_TIMING_HEADER = 'x-blocdesk-timing';

/** The <meta> the preview's index.html carries the token in (the page's own script reads it). */
export const BRIDGE_TOKEN_META = 'blocdesk-bridge-token';

/** The file, in the server's output folder, where the server leaves its token for the Playwright fixtures. */
export const BRIDGE_TOKEN_FILE = 'bridge-token.json';
