import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, Loading } from '@/components/status';
import { useCounselorListed, useCounselorStanding } from '../api/counselors';

/** Whether an approved counselor is public, and suspending (with a reason) or reinstating them. */
export function CounselorStanding({ counselorId, name }: { counselorId: string; name: string }) {
  const id = useId();
  const listed = useCounselorListed(counselorId);
  const standing = useCounselorStanding();
  const [suspending, setSuspending] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  if (listed.isPending) return <Loading label="Checking their listing…" />;
  if (listed.isError) return <ErrorNotice error={listed.error} onRetry={() => void listed.refetch()} />;

  const suspend = () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    standing.mutate(
      { id: counselorId, action: 'suspend', reason: reason.trim() },
      { onSuccess: () => setSuspending(false) },
    );
  };

  return (
    <div>
      {listed.data ? (
        <p>
          <span className="badge">Listed</span> <Link to={`/counselors/${counselorId}`}>Public profile</Link>
        </p>
      ) : (
        <p>
          <span className="badge badge-danger">Not listed</span>{' '}
          <span className="muted">Suspended, or their account is deactivated.</span>
        </p>
      )}
      {standing.isError && <ErrorNotice error={standing.error} />}
      {listed.data && !suspending && (
        <div className="actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setSuspending(true)}>
            Suspend…<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      {listed.data && suspending && (
        <div className="confirm-panel">
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason for suspending {name}</label>
            <p id={`${id}-hint`} className="hint">
              Their future sessions are cancelled and every client is refunded in full.
            </p>
            <textarea
              id={`${id}-reason`}
              rows={2}
              autoFocus
              value={reason}
              aria-invalid={reasonMissing ? true : undefined}
              aria-describedby={`${id}-hint${reasonMissing ? ` ${id}-error` : ''}`}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonMissing(false);
              }}
            />
            {reasonMissing && (
              <p id={`${id}-error`} className="field-error">
                Give a reason
              </p>
            )}
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button-danger button-small"
              disabled={standing.isPending}
              onClick={suspend}
            >
              {standing.isPending ? 'Suspending…' : `Suspend ${name}`}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setSuspending(false)}>
              Keep listed
            </button>
          </div>
        </div>
      )}
      {!listed.data && (
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            disabled={standing.isPending}
            onClick={() => standing.mutate({ id: counselorId, action: 'reinstate' })}
          >
            {standing.isPending ? 'Reinstating…' : `Reinstate ${name}`}
          </button>
        </div>
      )}
    </div>
  );
}
