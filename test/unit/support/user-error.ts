/** The UserError `work` is refused with (anything else thrown is rethrown; acceptance fails the test). */
import { UserError } from '../../../shared/errors';

export async function refusalOf(work: () => unknown): Promise<UserError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('accepted: no UserError was thrown');
}
