import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { showApiErrors } from '@/lib/form-errors';
import { usePageTitle } from '@/lib/page-title';
import { useConfirmPasswordReset } from '../api/session';

const resetSchema = z
  .object({
    password: z.string().min(10, 'At least 10 characters'),
    repeat: z.string(),
  })
  .refine((form) => form.password === form.repeat, { path: ['repeat'], message: 'The two passwords differ' });
type ResetForm = z.infer<typeof resetSchema>;

/** The page the password-reset e-mail links to: /reset-password?token=… */
export function ResetPasswordRoute() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetForm>({ resolver: zodResolver(resetSchema) });

  const onSubmit = handleSubmit(async ({ password }) => {
    try {
      await confirm.mutateAsync({ token, password });
    } catch (error) {
      // A bad or spent token names the `token` field, which this form does not show: it goes on top.
      showApiErrors(error, ['password'], setError);
    }
  });

  if (!token) {
    return (
      <section className="narrow">
        <h1>Choose a new password</h1>
        <p className="notice notice-error" role="alert">
          This link is incomplete. Open the link from the e-mail again, or{' '}
          <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {confirm.isSuccess ? (
        <p role="status" className="notice notice-success">
          Your password is changed and every device was signed out. <Link to="/login">Sign in</Link> with the new one.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <FormError message={errors.root?.message} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
            registration={register('password')}
            error={errors.password}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            registration={register('repeat')}
            error={errors.repeat}
          />
          <SubmitButton busy={isSubmitting} busyLabel="Saving…">
            Save the new password
          </SubmitButton>
          {errors.root && (
            <p>
              <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          )}
        </form>
      )}
    </section>
  );
}
