import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, QueryView } from '@/components/status';
import { formatDateTime, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type Notification, useMarkRead, useNotifications } from '../api/notifications';

function bookingLink(notification: Notification): string | null {
  const bookingId = notification.data.bookingId;
  return typeof bookingId === 'string' ? `/bookings/${bookingId}` : null;
}

export function NotificationsRoute() {
  usePageTitle('Inbox');
  const [page, setPage] = useState(1);
  const list = useNotifications(page);
  const markRead = useMarkRead();
  const timeZone = viewerTimeZone();

  return (
    <section>
      <h1>Inbox</h1>
      <p>
        <Link to="/notifications/preferences">Notification settings</Link>
      </p>
      <QueryView query={list} loading="Loading messages…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No messages yet. Booking confirmations and reminders will appear here.</Empty>
          ) : (
            <>
              <ul className="stack">
                {data.items.map((n) => {
                  const link = bookingLink(n);
                  return (
                    <li key={n.id} className={n.readAt ? 'card' : 'card unread'}>
                      <h2 className="card-title">
                        {!n.readAt && <span className="visually-hidden">Unread: </span>}
                        {n.title}
                      </h2>
                      <p className="muted">
                        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, timeZone)}</time>
                      </p>
                      <p className="bio">{n.body}</p>
                      <div className="actions">
                        {link && <Link to={link}>See the booking</Link>}
                        {!n.readAt && (
                          <button
                            type="button"
                            className="button button-secondary"
                            disabled={markRead.isPending}
                            onClick={() => markRead.mutate(n.id)}
                          >
                            Mark as read<span className="visually-hidden">: {n.title}</span>
                          </button>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
              {data.total > data.page * data.limit && (
                <button type="button" className="button button-secondary" onClick={() => setPage(page + 1)}>
                  Older messages
                </button>
              )}
              {page > 1 && (
                <button type="button" className="link-button dark" onClick={() => setPage(page - 1)}>
                  Newer messages
                </button>
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
}
