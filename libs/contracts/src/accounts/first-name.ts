/** What others may see of a name: its first word (`UserSummary.name`, review authors). */
export function firstName(name: string | null | undefined): string {
  return (name ?? '').trim().split(/\s+/)[0] ?? '';
}
