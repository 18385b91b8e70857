import { useSearchParams } from 'react-router';

/** The `?page=` of a paged list's link: a whole number from 1, else 1. */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * Previous / next for a paged list (`{ total, page, limit }`), with where the reader is. The page is
 * kept in the link (`?page=`, beside the list's other filters), so a reload or a shared link shows it.
 */
export function Pager({ page, limit, total }: { page: number; limit: number; total: number }) {
  const [params, setParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const go = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(to));
    setParams(next);
  };
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => go(page + 1)}>
        Next
      </button>
    </nav>
  );
}
