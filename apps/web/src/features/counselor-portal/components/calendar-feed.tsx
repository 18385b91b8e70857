import { useId, useState } from 'react';
import { ErrorNotice, QueryView } from '@/components/status';
import { useCalendarFeed, useRotateCalendarFeed } from '../api/sessions';

/** The secret ICS address for Google Calendar, Outlook or Apple Calendar; copy it, or replace it if it leaked. */
export function CalendarFeed() {
  const id = useId();
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied.');
    } catch {
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
      setMessage('Select the link and copy it.');
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card wide calendar-feed">
      <h2 id={`${id}-heading`}>Your sessions in your calendar app</h2>
      <p className="muted">
        Subscribe to this private link from Google Calendar, Outlook or Apple Calendar. It lists your confirmed sessions
        without clients’ contact details. Anyone with the link can read it: keep it to yourself.
      </p>
      <QueryView query={feed} loading="Loading your calendar link…">
        {(data) => (
          <>
            <div className="field">
              <label htmlFor={`${id}-url`}>Calendar link</label>
              <input id={`${id}-url`} readOnly value={data.url ?? ''} onFocus={(event) => event.target.select()} />
            </div>
            <div className="actions">
              <button type="button" className="button button-small" onClick={() => void copy(data.url ?? '')}>
                Copy link
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(true)}
              >
                Make a new link…
              </button>
            </div>
            {confirming && (
              <div className="confirm-panel">
                <p>The current link stops working at once; calendars subscribed to it stop updating.</p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button-danger button-small"
                    disabled={rotate.isPending}
                    onClick={() =>
                      rotate.mutate(undefined, {
                        onSuccess: () => {
                          setConfirming(false);
                          setMessage('New link ready. The old one no longer works.');
                        },
                      })
                    }
                  >
                    {rotate.isPending ? 'Replacing…' : 'Replace the link'}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    autoFocus
                    onClick={() => setConfirming(false)}
                  >
                    Keep the current link
                  </button>
                </div>
              </div>
            )}
            {rotate.isError && <ErrorNotice error={rotate.error} />}
            <p role="status" className="saved">
              {message}
            </p>
          </>
        )}
      </QueryView>
    </section>
  );
}
