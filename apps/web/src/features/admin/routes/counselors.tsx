import { useSearchParams } from 'react-router';
import { Pager, pageParam } from '@/components/pager';
import { Empty, ErrorNotice, Loading } from '@/components/status';
import { usePageTitle } from '@/lib/page-title';
import { useApplications } from '../api/applications';
import { CounselorStanding } from '../components/counselor-standing';

/** Every approved counselor (from their approved applications), with suspend and reinstate. */
export function CounselorsRoute() {
  usePageTitle('Counselors');
  const [params] = useSearchParams();
  const page = pageParam(params);
  const approved = useApplications('approved', page);

  return (
    <section>
      <h1>Counselors</h1>
      <p className="muted">
        Everyone whose application was approved. Suspending hides them and cancels their future sessions.
      </p>
      {approved.isPending ? (
        <Loading label="Loading counselors…" />
      ) : approved.isError ? (
        <ErrorNotice error={approved.error} onRetry={() => void approved.refetch()} />
      ) : approved.data.items.length === 0 ? (
        <Empty>No approved counselors yet.</Empty>
      ) : (
        <>
          <ul className="stack wide">
            {approved.data.items.map((application) => (
              <li key={application.id} className="card">
                <h2 className="card-title">{application.displayName}</h2>
                <p className="muted">
                  {application.registration.body} {application.registration.number} · user {application.userId}
                </p>
                <CounselorStanding counselorId={application.userId} name={application.displayName} />
              </li>
            ))}
          </ul>
          <Pager page={approved.data.page} limit={approved.data.limit} total={approved.data.total} />
        </>
      )}
    </section>
  );
}
