import { useSpecialties } from '@/lib/api/counselors';
import type { components } from '@/lib/api/schema';
import { LANGUAGES } from '@/lib/languages';

/** What the applicant sent, as the vetting team reads it. */
export function ApplicationSummary({ application }: { application: components['schemas']['ApplicationDto'] }) {
  const specialties = useSpecialties();
  const specialtyName = (slug: string) => specialties.data?.find((s) => s.slug === slug)?.name ?? slug;
  return (
    <dl className="facts">
      <dt>Name</dt>
      <dd>{application.displayName}</dd>
      <dt>Registration</dt>
      <dd>
        {application.registration.body} {application.registration.number}
      </dd>
      <dt>Experience</dt>
      <dd>{application.yearsExperience} years</dd>
      <dt>Qualifications</dt>
      <dd>{application.qualifications.join('; ')}</dd>
      <dt>Languages</dt>
      <dd>{application.languages.map((code) => LANGUAGES[code] ?? code).join(', ')}</dd>
      <dt>Specialties</dt>
      <dd>{application.specialties.map(specialtyName).join(', ')}</dd>
      {application.gender && (
        <>
          <dt>Gender</dt>
          <dd>{application.gender}</dd>
        </>
      )}
      <dt>About</dt>
      <dd className="bio">{application.bio}</dd>
    </dl>
  );
}
