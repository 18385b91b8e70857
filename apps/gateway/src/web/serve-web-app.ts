import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths index.html never answers: the API, its documentation and missing assets keep their 404s. */
const NOT_THE_APP = /^\/(api|docs|assets)(\/|-json|$)/;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Serves the built web app (`npm run build` puts it in WEB_DIST_DIR): hashed files under /assets
 * are cached for a year, and every other GET outside /api and /docs gets index.html, so a deep
 * link such as /counselors/<id> survives a reload. Returns false, serving nothing, when the app
 * was not built.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string): boolean {
  const root = resolve(distDir);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) return false;

  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: ONE_YEAR_SECONDS * 1000,
    index: false,
  });
  // Files at the root (favicon, robots.txt). API requests skip it: looking for a file named like
  // every API path cost a file-system lookup per request.
  const rootFiles = express.static(root, { index: false, maxAge: 0 });
  app.use((req: Request, res: Response, next: NextFunction) =>
    NOT_THE_APP.test(req.path) ? next() : rootFiles(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) return next();
    // An API client asking the root for JSON gets the index of links (root-index), not the page.
    if (req.path === '/' && req.accepts(['html', 'json']) === 'json') return next();
    // The page itself is never cached, so a new build reaches users on their next visit.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return true;
}
