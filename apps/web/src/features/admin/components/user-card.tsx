import { useId, useState } from 'react';
import { ErrorNotice } from '@/components/status';
import { useMe } from '@/lib/auth';
import { formatDay } from '@/lib/format';
import { type User, useUpdateUser } from '../api/users';

const GRANTABLE = ['finance', 'admin'] as const;
type Grantable = (typeof GRANTABLE)[number];
const ROLE_LABELS: Record<User['roles'][number], string> = {
  client: 'Client',
  counselor: 'Counselor',
  finance: 'Finance',
  admin: 'Admin',
};

/** One account: its roles (finance and admin can be granted here), and deactivating or reactivating it. */
export function UserCard({ user, timeZone }: { user: User; timeZone: string }) {
  const id = useId();
  const me = useMe();
  const update = useUpdateUser();
  const [roles, setRoles] = useState<Grantable[]>(
    user.roles.filter((r): r is Grantable => r !== 'client' && r !== 'counselor'),
  );
  const [confirmingDeactivate, setConfirmingDeactivate] = useState(false);
  const [message, setMessage] = useState('');
  const isSelf = me.data?.id === user.id;
  const rolesChanged = GRANTABLE.some((role) => roles.includes(role) !== user.roles.includes(role));

  const saveRoles = () =>
    update.mutate(
      { id: user.id, changes: { roles } },
      { onSuccess: () => setMessage('Roles saved. They apply from the user’s next request.') },
    );
  const setActive = (active: boolean) =>
    update.mutate(
      { id: user.id, changes: { active } },
      {
        onSuccess: () => {
          setConfirmingDeactivate(false);
          setMessage(active ? 'Account reactivated.' : 'Account deactivated and signed out everywhere.');
        },
      },
    );

  return (
    <article className="card" aria-labelledby={`${id}-name`}>
      <div className="page-head">
        <h2 id={`${id}-name`} className="card-title">
          {user.name}
          {isSelf && <span className="muted"> (you)</span>}
        </h2>
        {user.active ? <span className="badge">Active</span> : <span className="badge badge-danger">Deactivated</span>}
      </div>
      <p className="user-email">{user.email}</p>
      <p className="muted">
        {user.roles.map((role) => ROLE_LABELS[role]).join(', ')} · joined {formatDay(user.createdAt, timeZone)}
      </p>
      <fieldset>
        <legend>
          Staff roles<span className="visually-hidden"> of {user.name}</span>
        </legend>
        <div className="checkbox-options">
          {GRANTABLE.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles((current) => (event.target.checked ? [...current, role] : current.filter((r) => r !== role)))
                }
              />
              <span>{ROLE_LABELS[role]}</span>
            </label>
          ))}
        </div>
        <button
          type="button"
          className="button button-small"
          disabled={!rolesChanged || update.isPending}
          onClick={saveRoles}
        >
          Save roles<span className="visually-hidden"> of {user.name}</span>
        </button>
      </fieldset>
      {update.isError && <ErrorNotice error={update.error} />}
      {user.active ? (
        confirmingDeactivate ? (
          <div className="confirm-panel">
            <p>
              {user.name} is signed out everywhere and cannot sign in again until reactivated. A counselor’s profile is
              hidden meanwhile.
            </p>
            <div className="actions">
              <button
                type="button"
                className="button button-danger button-small"
                disabled={update.isPending}
                onClick={() => setActive(false)}
              >
                Deactivate {user.name}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                autoFocus
                onClick={() => setConfirmingDeactivate(false)}
              >
                Keep active
              </button>
            </div>
          </div>
        ) : (
          !isSelf && (
            <div className="actions">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirmingDeactivate(true)}
              >
                Deactivate…<span className="visually-hidden"> {user.name}</span>
              </button>
            </div>
          )
        )
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            disabled={update.isPending}
            onClick={() => setActive(true)}
          >
            Reactivate {user.name}
          </button>
        </div>
      )}
      <p role="status" className="saved">
        {message}
      </p>
    </article>
  );
}
