import { useEffect } from 'react';

/** Sets the document title, which screen readers announce and browser tabs show. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Haven`;
  }, [title]);
}
