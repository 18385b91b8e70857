import type { Request, Response } from 'express';

/**
 * `GET /`, until the web app serves it: browsers go to the API docs, other clients get where
 * everything is.
 */
export function rootIndex(req: Request, res: Response): void {
  if (req.accepts(['json', 'html']) === 'html') return res.redirect(302, '/docs');
  res.json({ name: 'Haven API', docs: '/docs', openapi: '/docs-json', api: '/api/v1', health: '/api/v1/health' });
}
