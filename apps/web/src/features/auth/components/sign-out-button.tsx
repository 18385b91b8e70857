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
      onClick={() => void Promise.resolve(navigate('/')).then(() => logout.mutate())}
    >
      Sign out
    </button>
  );
}
