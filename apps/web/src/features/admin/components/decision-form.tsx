import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormError, TextAreaField } from '@/components/field';
import { showApiErrors } from '@/lib/form-errors';
import { type Decision, useDecideApplication } from '../api/applications';

const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'request-changes', 'reject']),
    text: z.string().trim().max(2000, 'At most 2000 characters'),
  })
  .refine((form) => form.decision === 'approve' || form.text.length > 0, {
    message: 'Tell the applicant why: they read this',
    path: ['text'],
  });
type DecisionForm = z.infer<typeof decisionSchema>;

const DONE: Record<Decision, (name: string) => string> = {
  approve: (name) => `Approved ${name}.`,
  'request-changes': (name) => `Asked ${name} for changes.`,
  reject: (name) => `Rejected ${name}.`,
};

const CHOICES: { value: Decision; label: string; hint: string }[] = [
  { value: 'approve', label: 'Approve', hint: 'They become bookable and get the counselor role.' },
  { value: 'request-changes', label: 'Ask for changes', hint: 'They can fix the application and send it again.' },
  { value: 'reject', label: 'Reject', hint: 'The application is closed.' },
];

/** The vetting decision on one application, with the note or reason the applicant will read. */
export function DecisionForm({
  applicationId,
  name,
  onDecided,
}: {
  applicationId: string;
  name: string;
  onDecided: (message: string) => void;
}) {
  const id = useId();
  const decide = useDecideApplication();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<DecisionForm>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { decision: 'approve', text: '' },
  });
  const decision = useWatch({ control, name: 'decision' });

  const submit = handleSubmit(async (form) => {
    try {
      await decide.mutateAsync({ id: applicationId, decision: form.decision, text: form.text });
      onDecided(DONE[form.decision](name));
    } catch (error) {
      // The API names the note `note` and the reason `reason`; both are this form's text field.
      showApiErrors(error, ['text'], setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="confirm-panel">
      <FormError message={errors.root?.message} />
      <fieldset>
        <legend>
          Decision<span className="visually-hidden"> on {name}</span>
        </legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              value={choice.value}
              aria-describedby={`${id}-${choice.value}`}
              {...register('decision')}
            />
            <span>
              {choice.label}{' '}
              <span id={`${id}-${choice.value}`} className="hint">
                — {choice.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={decision === 'approve' ? 'Note to the counselor (optional)' : 'Reason (the applicant reads it)'}
        rows={3}
        registration={register('text')}
        error={errors.text}
      />
      <button
        type="submit"
        className={`button${decision === 'reject' ? ' button-danger' : ''}`}
        disabled={isSubmitting}
      >
        {isSubmitting
          ? 'Saving…'
          : decision === 'approve'
            ? `Approve ${name}`
            : decision === 'reject'
              ? `Reject ${name}`
              : `Ask ${name} for changes`}
      </button>
    </form>
  );
}
