import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApplicationSummary } from '@/components/application-summary';
import { RequireRole } from '@/components/require-role';
import { ErrorNotice, Loading } from '@/components/status';
import { meQueryKey, useMe } from '@/lib/auth';
import { formatDay, viewerTimeZone } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { type Application, useMyApplication, useResubmitApplication, useSubmitApplication } from '../api/application';
import { ApplicationForm } from '../components/application-form';
import { emptyApplicationForm, formFromApplication } from '../utils/application-form';
import '@/components/work-area.css';
import '../portal.css';

export function ApplyRoute() {
  usePageTitle('Counsel on Haven');
  return (
    <RequireRole role="client">
      <section>
        <h1>Counsel on Haven</h1>
        <MyApplication />
      </section>
    </RequireRole>
  );
}

function MyApplication() {
  const application = useMyApplication();
  const submit = useSubmitApplication();
  const [applyingAgain, setApplyingAgain] = useState(false);

  if (application.isPending) return <Loading label="Loading your application…" />;
  if (application.isError) return <ErrorNotice error={application.error} onRetry={() => void application.refetch()} />;

  const current = application.data;
  if (!current || (current.status === 'rejected' && applyingAgain)) {
    return (
      <>
        <p className="wide">
          Haven lists counselors registered with a professional body (for example the Rehabilitation Council of India).
          Tell us about your practice; our team checks your registration and replies by e-mail and here.
        </p>
        <ApplicationForm
          initial={current ? formFromApplication(current) : emptyApplicationForm}
          submitLabel="Send application"
          onSubmit={(body) => submit.mutateAsync(body).then(() => setApplyingAgain(false))}
        />
      </>
    );
  }
  return (
    <ApplicationStatus
      application={current}
      onApplyAgain={() => setApplyingAgain(true)}
      onRefresh={() => void application.refetch()}
      refreshing={application.isFetching}
    />
  );
}

function ApplicationStatus({
  application,
  onApplyAgain,
  onRefresh,
  refreshing,
}: {
  application: Application;
  onApplyAgain: () => void;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const resubmit = useResubmitApplication();
  const timeZone = viewerTimeZone();
  const sent = formatDay(application.submittedAt, timeZone);

  switch (application.status) {
    case 'submitted':
      return (
        <>
          <div className="notice notice-info" role="status">
            <p>
              <strong>Under review.</strong> You sent your application on {sent}. Our team usually replies within a few
              working days.
            </p>
          </div>
          <p>
            <button type="button" className="button button-secondary" onClick={onRefresh} disabled={refreshing}>
              {refreshing ? 'Checking…' : 'Check again'}
            </button>
          </p>
          <h2>What you sent</h2>
          <ApplicationSummary application={application} />
        </>
      );
    case 'changes_requested':
      return (
        <>
          <div className="notice notice-warn" role="status">
            <p>
              <strong>Changes requested.</strong> Please fix your application and send it again.
            </p>
            {application.reviewerNote && <p>Note from the vetting team: “{application.reviewerNote}”</p>}
          </div>
          <h2>Your application</h2>
          <ApplicationForm
            initial={formFromApplication(application)}
            submitLabel="Send it again"
            onSubmit={(body) => resubmit.mutateAsync(body)}
          />
        </>
      );
    case 'approved':
      return <Approved application={application} />;
    case 'rejected':
      return (
        <>
          <div className="notice notice-error" role="status">
            <p>
              <strong>Not approved.</strong> The vetting team could not approve this application
              {application.decidedAt ? ` on ${formatDay(application.decidedAt, timeZone)}` : ''}.
            </p>
            {application.reviewerNote && <p>Reason: “{application.reviewerNote}”</p>}
          </div>
          <p>
            <button type="button" className="button" onClick={onApplyAgain}>
              Apply again
            </button>
          </p>
          <h2>What you sent</h2>
          <ApplicationSummary application={application} />
        </>
      );
  }
}

/** Approved: the counselor role is granted a moment later; until it arrives, keep asking. */
function Approved({ application }: { application: Application }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const ready = me.data?.roles.includes('counselor') ?? false;

  useEffect(() => {
    if (ready) return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: meQueryKey }), 2000);
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    return () => clearInterval(timer);
  }, [ready, queryClient]);

  return (
    <>
      <div className="notice notice-info" role="status">
        <p>
          <strong>Approved.</strong> Welcome to Haven, {application.displayName}.
          {application.reviewerNote ? ` Note from the vetting team: “${application.reviewerNote}”` : ''}
        </p>
      </div>
      {ready ? (
        <>
          <p>Three steps before clients can book you:</p>
          <ol>
            <li>
              <Link to="/counselor/offerings">Publish the sessions you offer</Link> (mode, length, price or free).
            </li>
            <li>
              <Link to="/counselor/hours">Set your weekly hours</Link>, days off and notice.
            </li>
            <li>
              <Link to="/counselor/profile">Check your public profile</Link>.
            </li>
          </ol>
        </>
      ) : (
        <Loading label="Setting up your counselor tools…" />
      )}
    </>
  );
}
