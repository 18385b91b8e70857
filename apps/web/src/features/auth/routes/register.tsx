import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { viewerTimeZone } from '@/lib/format';
import { showApiErrors } from '@/lib/form-errors';
import { usePageTitle } from '@/lib/page-title';
import { useRegister } from '../api/session';
import { nextPath } from '../utils/next-path';

const registerSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
  email: z.email('Enter your e-mail address'),
  password: z.string().min(10, 'At least 10 characters').max(1024, 'At most 1024 characters'),
  // The API owns the phone rule and answers beside this field when it is not met.
  phone: z.string().trim(),
});
type RegisterForm = z.infer<typeof registerSchema>;

export function RegisterRoute() {
  usePageTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const registerUser = useRegister();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegisterForm>({ resolver: zodResolver(registerSchema), defaultValues: { phone: '' } });

  const onSubmit = handleSubmit(async ({ phone, ...form }) => {
    try {
      await registerUser.mutateAsync({ ...form, ...(phone ? { phone } : {}), timezone: viewerTimeZone() });
      await navigate(nextPath(params), { replace: true });
    } catch (error) {
      showApiErrors(error, ['name', 'email', 'password', 'phone'], setError);
    }
  });

  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={errors.root?.message} />
        <TextField label="Your name" autoComplete="name" registration={register('name')} error={errors.name} />
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          registration={register('email')}
          error={errors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          registration={register('password')}
          error={errors.password}
        />
        <TextField
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          hint="With the country code, e.g. +919876543210."
          registration={register('phone')}
          error={errors.phone}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
      <p>
        Already have an account? <Link to={`/login${params.size ? `?${params}` : ''}`}>Sign in</Link>
      </p>
    </section>
  );
}
