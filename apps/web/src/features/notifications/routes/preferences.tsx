import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FormError, SubmitButton } from '@/components/field';
import { QueryView } from '@/components/status';
import { ApiError } from '@/lib/api/client';
import { usePageTitle } from '@/lib/page-title';
import {
  type NotificationPreferences,
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../api/notifications';

/** The reminders a client can pick from (minutes before the session). */
const REMINDER_CHOICES = [
  { minutes: 10080, label: '1 week before' },
  { minutes: 1440, label: '1 day before' },
  { minutes: 180, label: '3 hours before' },
  { minutes: 60, label: '1 hour before' },
  { minutes: 15, label: '15 minutes before' },
];

export function NotificationPreferencesRoute() {
  usePageTitle('Notification settings');
  const preferences = useNotificationPreferences();
  return (
    <section className="narrow">
      <p>
        <Link to="/notifications">← Inbox</Link>
      </p>
      <h1>Notification settings</h1>
      <QueryView query={preferences}>{(data) => <PreferencesForm initial={data} />}</QueryView>
    </section>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const id = useId();
  const save = useSaveNotificationPreferences();
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(false);
  const choices = [
    ...REMINDER_CHOICES,
    ...initial.reminders
      .filter((m) => !REMINDER_CHOICES.some((c) => c.minutes === m))
      .map((minutes) => ({ minutes, label: `${minutes} minutes before` })),
  ];
  const toggle = (key: 'email' | 'sms' | 'inApp') => setDraft({ ...draft, [key]: !draft[key] });
  const toggleReminder = (minutes: number) =>
    setDraft({
      ...draft,
      reminders: draft.reminders.includes(minutes)
        ? draft.reminders.filter((m) => m !== minutes)
        : [...draft.reminders, minutes].sort((a, b) => b - a),
    });
  const tooMany = draft.reminders.length > 5;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        if (tooMany) return;
        save.mutate(draft, { onSuccess: () => setSaved(true) });
      }}
    >
      {save.isError && (
        <FormError
          message={save.error instanceof ApiError ? save.error.message : 'Could not save. Check your connection.'}
        />
      )}
      <fieldset className="choices">
        <legend>How we reach you</legend>
        <label>
          <input type="checkbox" checked={draft.email} onChange={() => toggle('email')} /> E-mail
        </label>
        <label>
          <input type="checkbox" checked={draft.sms} onChange={() => toggle('sms')} /> SMS (to the phone on your
          account)
        </label>
        <label>
          <input type="checkbox" checked={draft.inApp} onChange={() => toggle('inApp')} /> In this app’s inbox
        </label>
      </fieldset>
      <fieldset className="choices" aria-describedby={tooMany ? `${id}-reminders-error` : undefined}>
        <legend>Session reminders</legend>
        {choices.map((choice) => (
          <label key={choice.minutes}>
            <input
              type="checkbox"
              checked={draft.reminders.includes(choice.minutes)}
              onChange={() => toggleReminder(choice.minutes)}
            />{' '}
            {choice.label}
          </label>
        ))}
        {tooMany && (
          <p id={`${id}-reminders-error`} className="field-error">
            Choose at most 5 reminders.
          </p>
        )}
      </fieldset>
      <SubmitButton busy={save.isPending} busyLabel="Saving…">
        Save settings
      </SubmitButton>
      <p role="status" className="saved">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}
