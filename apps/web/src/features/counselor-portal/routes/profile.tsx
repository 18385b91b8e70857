import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { FormError, SubmitButton, TextAreaField, TextField } from '@/components/field';
import { QueryView } from '@/components/status';
import { PracticeFields } from '../components/practice-fields';
import { useMe } from '@/lib/auth';
import { showApiErrors } from '@/lib/form-errors';
import { usePageTitle } from '@/lib/page-title';
import { type PublicProfile, useOwnPublicProfile, useUpdateProfile } from '../api/profile';

const profileSchema = z.object({
  displayName: z.string().trim().min(2, 'At least 2 characters').max(80, 'At most 80 characters'),
  bio: z.string().trim().min(1, 'Tell clients about your work').max(5000, 'At most 5000 characters'),
  languages: z.array(z.string()).min(1, 'Choose at least one language'),
  specialties: z.array(z.string()).min(1, 'Choose at least one specialty').max(15, 'At most 15 specialties'),
  photoUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Enter a link starting with https://' })]),
});
type ProfileForm = z.infer<typeof profileSchema>;
const FIELDS = ['displayName', 'bio', 'languages', 'specialties', 'photoUrl'] as const;

export function ProfileRoute() {
  usePageTitle('Your profile');
  const me = useMe();
  const profile = useOwnPublicProfile(me.data?.id);
  return (
    <section>
      <h1>Your public profile</h1>
      <QueryView query={profile} loading="Loading your profile…">
        {(data) =>
          data === null ? (
            <div className="notice notice-warn" role="status">
              <p>
                <strong>Your profile is not public right now.</strong> Your counselor account may be suspended or your
                account deactivated; clients cannot find or book you. Haven’s team has written to you about it.
              </p>
            </div>
          ) : (
            <>
              <p className="muted">
                This is what clients see. <Link to={`/counselors/${data.id}`}>View your public page</Link>
              </p>
              <ProfileEditor profile={data} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function ProfileEditor({ profile }: { profile: PublicProfile }) {
  const update = useUpdateProfile();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ProfileForm>({
    resolver: zodResolver(profileSchema),
    defaultValues: {
      displayName: profile.displayName,
      bio: profile.bio,
      languages: profile.languages,
      specialties: profile.specialties,
      photoUrl: profile.photoUrl ?? '',
    },
  });

  const submit = handleSubmit(async ({ photoUrl, ...form }) => {
    setSaved(false);
    try {
      await update.mutateAsync({ ...form, photoUrl: photoUrl || null });
      setSaved(true);
    } catch (error) {
      showApiErrors(error, FIELDS, setError);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="wide">
      <FormError message={errors.root?.message} />
      <TextField label="Name clients see" registration={register('displayName')} error={errors.displayName} />
      <TextAreaField label="About your practice" rows={6} registration={register('bio')} error={errors.bio} />
      <PracticeFields
        languages={{ registration: register('languages'), error: errors.languages }}
        specialties={{ registration: register('specialties'), error: errors.specialties }}
      />
      <TextField
        label="Photo link (optional)"
        type="url"
        hint="An https:// link to a photo of you. Leave empty for none."
        registration={register('photoUrl')}
        error={errors.photoUrl}
      />
      <p className="hint">
        Your registration ({profile.registration.body}), experience and qualifications come from your approved
        application.
      </p>
      <SubmitButton busy={isSubmitting} busyLabel="Saving…">
        Save profile
      </SubmitButton>
      <p role="status" className="saved">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}
