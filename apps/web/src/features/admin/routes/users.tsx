import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { Pager, pageParam } from '@/components/pager';
import { Empty, QueryView } from '@/components/status';
import { viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type UserQuery, useUsers } from '../api/users';
import { UserCard } from '../components/user-card';

const ROLES = ['client', 'counselor', 'finance', 'admin'] as const;
type RoleFilter = NonNullable<UserQuery['role']>;

function queryOf(params: URLSearchParams): UserQuery {
  const role = ROLES.find((r) => r === params.get('role'));
  return { ...(params.get('q') ? { q: params.get('q')! } : {}), ...(role ? { role } : {}), page: pageParam(params) };
}

export function UsersRoute() {
  usePageTitle('Users');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const users = useUsers(query);
  const timeZone = viewerTimeZone();
  const { register, handleSubmit } = useForm<{ q: string; role: RoleFilter | '' }>({
    values: { q: query.q ?? '', role: query.role ?? '' },
  });

  const search = handleSubmit(({ q, role }) => {
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (role) next.set('role', role);
    setParams(next);
  });

  return (
    <section>
      <h1>Users</h1>
      <form role="search" aria-label="Find users" className="search-form inline-form" onSubmit={search}>
        <div className="field">
          <label htmlFor={`${id}-q`}>Name or e-mail</label>
          <input id={`${id}-q`} type="search" {...register('q')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} {...register('role')}>
            <option value="">Any role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role.charAt(0).toUpperCase() + role.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <div aria-busy={users.isFetching}>
        <QueryView query={users} loading="Loading users…">
          {(data) =>
            data.items.length === 0 ? (
              <Empty>No user matches.</Empty>
            ) : (
              <>
                <h2 className="results-heading">
                  {data.total} user{data.total === 1 ? '' : 's'}
                </h2>
                <ul className="stack wide">
                  {data.items.map((user) => (
                    <li key={user.id}>
                      <UserCard key={`${user.id}-${user.roles.join()}`} user={user} timeZone={timeZone} />
                    </li>
                  ))}
                </ul>
                <Pager page={data.page} limit={data.limit} total={data.total} />
              </>
            )
          }
        </QueryView>
      </div>
    </section>
  );
}
