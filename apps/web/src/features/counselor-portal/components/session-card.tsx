import { useId, useState } from 'react';
import { ErrorNotice } from '@/components/status';
import { formatRupees, formatTime } from '@/lib/format';
import type { Offering } from '../api/offerings';
import { type Session, useSessionAction } from '../api/sessions';
import { MODE_LABELS } from '../utils/offering-form';
import { sessionActions } from '../utils/week';

const STATUS: Record<Session['status'], { text: string; tone: string }> = {
  confirmed: { text: 'Confirmed', tone: 'badge' },
  pending_payment: { text: 'Awaiting payment', tone: 'badge badge-warn' },
  completed: { text: 'Completed', tone: 'badge badge-muted' },
  no_show: { text: 'Client did not come', tone: 'badge badge-muted' },
  cancelled: { text: 'Cancelled', tone: 'badge badge-danger' },
  expired: { text: 'Hold expired', tone: 'badge badge-muted' },
};

/** One session on the counselor's calendar, with what can be done about it now. */
export function SessionCard({
  session,
  offering,
  timeZone,
}: {
  session: Session;
  offering?: Offering;
  timeZone: string;
}) {
  const id = useId();
  const act = useSessionAction();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const actions = sessionActions(session);
  const title = offering?.title ?? `${MODE_LABELS[session.mode]} session`;
  const time = `${formatTime(session.startsAt, timeZone)} – ${formatTime(session.endsAt, timeZone)}`;

  return (
    <article className={`session session-${session.status}`} aria-labelledby={`${id}-title`}>
      <p className="session-time">
        <time dateTime={session.startsAt}>{time}</time>
      </p>
      <h4 id={`${id}-title`} className="session-title">
        {title}
      </h4>
      <p className="session-meta">
        {MODE_LABELS[session.mode]} · {session.pricePaise === 0 ? 'Free' : formatRupees(session.pricePaise)}
      </p>
      <p>
        <span className={STATUS[session.status].tone}>{STATUS[session.status].text}</span>
      </p>
      {session.cancelReason && <p className="muted">Reason: {session.cancelReason}</p>}
      {session.status === 'confirmed' && session.meetingUrl && (
        <p>
          <a href={session.meetingUrl} target="_blank" rel="noreferrer">
            Join the meeting
            <span className="visually-hidden">
              {' '}
              for {title} at {time}
            </span>
          </a>
        </p>
      )}
      {act.isError && <ErrorNotice error={act.error} />}
      {cancelling ? (
        <div className="confirm-panel">
          <label htmlFor={`${id}-reason`}>Why are you cancelling? (optional, the client sees it)</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <p className="hint">The client is refunded in full.</p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger button-small"
              disabled={act.isPending}
              onClick={() => act.mutate({ id: session.id, action: 'cancel', reason: reason.trim() || undefined })}
            >
              {act.isPending ? 'Cancelling…' : 'Cancel session'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        actions.length > 0 && (
          <div className="actions">
            {actions.includes('complete') && (
              <button
                type="button"
                className="button button-small"
                disabled={act.isPending}
                onClick={() => act.mutate({ id: session.id, action: 'complete' })}
              >
                Mark completed<span className="visually-hidden"> ({time})</span>
              </button>
            )}
            {actions.includes('no-show') && (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={act.isPending}
                onClick={() => act.mutate({ id: session.id, action: 'no-show' })}
              >
                Client did not come<span className="visually-hidden"> ({time})</span>
              </button>
            )}
            {actions.includes('cancel') && (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setCancelling(true)}
              >
                Cancel…<span className="visually-hidden"> session at {time}</span>
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}
