import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApplicationSummary } from '@/components/application-summary';
import { Pager, pageParam } from '@/components/pager';
import { Empty, QueryView } from '@/components/status';
import { formatDay, formatTime, timeZoneLabel, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type Application, type ApplicationStatus, useApplications } from '../api/applications';
import { DecisionForm } from '../components/decision-form';

const STATUSES: { value: ApplicationStatus; label: string }[] = [
  { value: 'submitted', label: 'Waiting' },
  { value: 'changes_requested', label: 'Changes asked' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
];

export function VettingRoute() {
  usePageTitle('Vetting');
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s.value === params.get('status'))?.value ?? 'submitted';
  const page = pageParam(params);
  const applications = useApplications(status, page);
  const timeZone = viewerTimeZone();
  const [decided, setDecided] = useState('');

  return (
    <section>
      <h1>Counselor applications</h1>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show applications that are</legend>
        {STATUSES.map((s) => (
          <label key={s.value} className="radio">
            <input
              type="radio"
              name="status"
              checked={s.value === status}
              onChange={() => setParams({ status: s.value })}
            />
            <span>{s.label}</span>
          </label>
        ))}
      </fieldset>
      <p className="zone-note">Times in {timeZoneLabel(timeZone)}</p>
      <p role="status" className="saved status-line">
        {decided}
      </p>
      <div aria-busy={applications.isFetching}>
        <QueryView query={applications} loading="Loading applications…">
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{status === 'submitted' ? 'Nothing waiting: the queue is empty.' : 'No applications here.'}</Empty>
            ) : (
              <>
                <p className="muted">
                  {data.total} application{data.total === 1 ? '' : 's'}
                </p>
                <ul className="stack wide">
                  {data.items.map((application) => (
                    <li key={application.id}>
                      <ApplicationCard application={application} timeZone={timeZone} onDecided={setDecided} />
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

function ApplicationCard({
  application,
  timeZone,
  onDecided,
}: {
  application: Application;
  timeZone: string;
  onDecided: (message: string) => void;
}) {
  const at = (instant: string) => `${formatDay(instant, timeZone)}, ${formatTime(instant, timeZone)}`;
  const headingId = `application-${application.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {application.displayName}
      </h2>
      <p className="muted">
        Sent {at(application.submittedAt)}
        {application.decidedAt ? ` · decided ${at(application.decidedAt)}` : ''} · user {application.userId}
      </p>
      {application.reviewerNote && (
        <p className="notice notice-warn">Last note to the applicant: “{application.reviewerNote}”</p>
      )}
      <ApplicationSummary application={application} />
      {application.status === 'submitted' && (
        <DecisionForm applicationId={application.id} name={application.displayName} onDecided={onDecided} />
      )}
    </article>
  );
}
