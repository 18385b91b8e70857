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
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
    >
      Sign out
    </button>
  );
}
