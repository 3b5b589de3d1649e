/** The ballot and vote options' usage, import-free so `--help` stays light. */
export const VOTE_OPTIONS_USAGE = '[--round <N>] [--copies <N>] [--spares <N>] [--per-page 1|2] [--sections <mã,mã>] [--vote <tệp.json>]';
