import { useNavigate } from 'react-router';
import { useLogout } from '../api/session';

export function SignOutButton() {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="link-button"
      disabled={logout.isPending}
      // Leave a signed-in page first, or it would ask to sign in again the moment the session ends.
      // flushSync: the router renders its moves as transitions, and the session's end would render
      // first, on the old page, if the move to the home page were still pending.
      onClick={() => void Promise.resolve(navigate('/', { flushSync: true })).then(() => logout.mutate())}
    >
      Sign out
    </button>
  );
}
