import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormError, SubmitButton, TextField } from '@/components/field';
import { showApiErrors } from '@/lib/form-errors';
import { usePageTitle } from '@/lib/page-title';
import { useLogin } from '../api/session';
import { nextPath } from '../utils/next-path';

const loginSchema = z.object({
  email: z.email('Enter your e-mail address'),
  password: z.string().min(1, 'Enter your password'),
});
type LoginForm = z.infer<typeof loginSchema>;

export function LoginRoute() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>({ resolver: zodResolver(loginSchema) });

  const onSubmit = handleSubmit(async (form) => {
    try {
      await login.mutateAsync(form);
      await navigate(nextPath(params), { replace: true });
    } catch (error) {
      showApiErrors(error, ['email', 'password'], setError);
    }
  });

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={errors.root?.message} />
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
          autoComplete="current-password"
          registration={register('password')}
          error={errors.password}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to Haven? <Link to={`/register${params.size ? `?${params}` : ''}`}>Create an account</Link>
      </p>
    </section>
  );
}
