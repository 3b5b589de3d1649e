/** An error shown in place (forms, dialogs): the Vietnamese message and its details. */
import type { ApiError } from '../../../shared/api/contract';

export function ErrorBox({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert" tabIndex={-1}>
      <strong>{error.message}</strong>
      {error.details && error.details.length > 0 && (
        <ul>
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
