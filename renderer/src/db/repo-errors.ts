/** A change the data layer refuses, with a Vietnamese message saying what and where. Nothing was written. */
export class RepoError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}
