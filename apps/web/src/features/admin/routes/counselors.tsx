import { useSearchParams } from 'react-router';
import { Pager, pageParam } from '@/components/pager';
import { Empty, QueryView } from '@/components/status';
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
      <QueryView query={approved} loading="Loading counselors…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No approved counselors yet.</Empty>
          ) : (
            <>
              <ul className="stack wide">
                {data.items.map((application) => (
                  <li key={application.id} className="card">
                    <h2 className="card-title">{application.displayName}</h2>
                    <p className="muted">
                      {application.registration.body} {application.registration.number} · user {application.userId}
                    </p>
                    <CounselorStanding counselorId={application.userId} name={application.displayName} />
                  </li>
                ))}
              </ul>
              <Pager page={data.page} limit={data.limit} total={data.total} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
