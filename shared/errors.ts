/**
 * Errors a user can understand and fix. Every layer throws them (domain rules, services, the
 * renderer's stores); the bridge turns them into `{ ok: false, error }` (shared/api/contract.ts),
 * the CLI prints their message.
 */

/** A user-caused problem: `code` is stable for programs, `message` is Vietnamese and says what and where. */
export class UserError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    /** Optional list of specific problems (Vietnamese). */
    public readonly details?: string[],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
