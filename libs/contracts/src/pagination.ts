export interface PageQuery {
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Far beyond any real list; keeps the offset a service computes from it well inside what PostgreSQL takes. */
export const MAX_PAGE = 1_000_000;
