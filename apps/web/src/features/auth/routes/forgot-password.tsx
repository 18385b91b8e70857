import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { showApiErrors } from '@/lib/form-errors';
import { usePageTitle } from '@/lib/page-title';
import { useRequestPasswordReset } from '../api/session';

const requestSchema = z.object({ email: z.email('Enter your e-mail address') });
type RequestForm = z.infer<typeof requestSchema>;

export function ForgotPasswordRoute() {
  usePageTitle('Reset your password');
  const request = useRequestPasswordReset();
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<RequestForm>({ resolver: zodResolver(requestSchema) });

  const onSubmit = handleSubmit(async (form) => {
    try {
      await request.mutateAsync(form);
    } catch (error) {
      showApiErrors(error, ['email'], setError);
    }
  });

  return (
    <section className="narrow">
      <h1>Reset your password</h1>
      {request.isSuccess ? (
        <p role="status" className="notice notice-success">
          If an account uses {getValues('email')}, we have sent it a link to choose a new password. The link works once,
          for a short while. Check your spam folder if it does not arrive.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p>Enter the e-mail address you signed up with and we will send you a link.</p>
          <FormError message={errors.root?.message} />
          <TextField
            label="E-mail"
            type="email"
            autoComplete="email"
            registration={register('email')}
            error={errors.email}
          />
          <SubmitButton busy={isSubmitting} busyLabel="Sending…">
            Send the link
          </SubmitButton>
        </form>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
