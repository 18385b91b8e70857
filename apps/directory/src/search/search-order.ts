/** Soonest open slot first, those without one last; otherwise the incoming order (stable). */
export function sortBySoonest(ids: string[], next: Record<string, string | null>): string[] {
  const at = (id: string): number => (next[id] ? Date.parse(next[id]!) : Number.POSITIVE_INFINITY);
  return ids
    .map((id, index) => ({ id, index, at: at(id) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.id);
}
