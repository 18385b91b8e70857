import { NavLink } from 'react-router';
import { useUnreadCount } from '../api/notifications';

/** The inbox link in the header, with how many messages are unread. */
export function UnreadBadge() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <NavLink to="/notifications" className="inbox-link">
      Inbox
      {unread > 0 && (
        <span className="badge">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </NavLink>
  );
}
