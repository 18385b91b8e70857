import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { Pager, pageParam } from '@/components/pager';
import { Empty, QueryView } from '@/components/status';
import { useMe } from '@/lib/auth';
import { formatDay, formatTime, timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type AuditQuery, useAuditLog } from '../api/users';

function queryOf(params: URLSearchParams): AuditQuery {
  return {
    ...(params.get('actorId') ? { actorId: params.get('actorId')! } : {}),
    ...(params.get('action') ? { action: params.get('action')! } : {}),
    page: pageParam(params),
  };
}

/** Every admin action, newest first, filtered by who did it or what they did. */
export function AuditLogRoute() {
  usePageTitle('Audit log');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const log = useAuditLog(query);
  const timeZone = viewerTimeZone();
  const me = useMe();
  const { register, handleSubmit } = useForm<{ actorId: string; action: string }>({
    values: { actorId: query.actorId ?? '', action: query.action ?? '' },
  });

  const filter = handleSubmit(({ actorId, action }) => {
    const next = new URLSearchParams();
    if (actorId.trim()) next.set('actorId', actorId.trim());
    if (action.trim()) next.set('action', action.trim());
    setParams(next);
  });

  return (
    <section>
      <h1>Audit log</h1>
      <form role="search" aria-label="Filter the audit log" className="search-form inline-form" onSubmit={filter}>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <input id={`${id}-action`} placeholder="e.g. user.roles-changed" {...register('action')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-actor`}>Done by (user id)</label>
          <input id={`${id}-actor`} {...register('actorId')} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      <p className="zone-note">Times in {timeZoneLabel(timeZone)}</p>
      <div aria-busy={log.isFetching}>
        <QueryView query={log} loading="Loading the audit log…">
          {(data) =>
            data.items.length === 0 ? (
              <Empty>Nothing recorded{query.action || query.actorId ? ' for this filter' : ''}.</Empty>
            ) : (
              <>
                <ol className="stack wide audit-log">
                  {data.items.map((entry) => (
                    <li key={entry.id} className="card">
                      <p>
                        <strong>{entry.action}</strong>{' '}
                        <time dateTime={entry.at} className="muted">
                          {formatDay(entry.at, timeZone)}, {formatTime(entry.at, timeZone)}
                        </time>
                      </p>
                      <p className="muted">
                        By{' '}
                        {entry.actorId ? (
                          <Link to={`?actorId=${entry.actorId}`} title="Only this person’s actions">
                            {entry.actorId === me.data?.id ? 'you' : entry.actorId}
                          </Link>
                        ) : (
                          'the platform'
                        )}{' '}
                        · on {entry.targetType}
                        {entry.targetId ? ` ${entry.targetId}` : ''}
                      </p>
                      {Object.keys(entry.detail).length > 0 && (
                        <details>
                          <summary>Details</summary>
                          <pre className="detail">{JSON.stringify(entry.detail, null, 2)}</pre>
                        </details>
                      )}
                    </li>
                  ))}
                </ol>
                <Pager page={data.page} limit={data.limit} total={data.total} />
              </>
            )
          }
        </QueryView>
      </div>
    </section>
  );
}
