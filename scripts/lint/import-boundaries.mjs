// The import boundaries of the monorepo, checked by `npm run lint` (see docs/architecture.md), and
// the layers of the web app (apps/web/README.md).
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** Which libraries each library may import; a library not listed may import any library (never an app). */
const LIBRARY_LAYERS = {
  contracts: [],
  common: ['contracts'],
  infrastructure: ['common', 'contracts'],
  database: ['common', 'contracts'],
  messaging: ['common', 'contracts', 'database', 'infrastructure'],
  testing: ['common', 'contracts', 'database', 'infrastructure', 'messaging'],
};

/**
 * Libraries that stay pure, with the only packages they may use besides Node's own modules: a unit
 * test of a rule that imports them loads no framework, driver or client.
 */
const PURE_LIBRARY_PACKAGES = { common: ['luxon'] };

/** Packages that are database code: the gateway holds no domain data and may not use them. */
const DATABASE_PACKAGES = ['pg', 'typeorm', '@nestjs/typeorm'];

const TEST_FILE = /\.(spec|int-spec|e2e-spec|bench)\.tsx?$/;

const WEB_SRC = resolve(ROOT, 'apps/web/src');

/**
 * Where a file of the web app sits (bulletproof-react's layers): `feature:<name>` under
 * src/features/<name>, `shared` under src/components, src/lib and the like, `app` for the shell
 * (src/app, src/main.tsx) that composes the features; null outside the web app's sources.
 */
function webLayerOf(absolutePath) {
  const parts = relative(WEB_SRC, absolutePath).split(sep);
  if (parts[0] === '..' || parts[0] === '' || absolutePath === WEB_SRC) return null;
  if (parts[0] === 'features' && parts.length > 2) return { kind: 'feature', name: parts[1] };
  if (parts[0] === 'app' || parts.length === 1) return { kind: 'app' };
  return { kind: 'shared' };
}

/** Why this import of the web app crosses a layer: features import no other feature, shared code no feature. */
function webLayerViolation(fromFile, specifier) {
  const from = webLayerOf(fromFile);
  if (!from) return null;
  const target = specifier.startsWith('@/')
    ? resolve(WEB_SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(fromFile), specifier)
      : null;
  const to = target && webLayerOf(target);
  if (!to) return null;
  if (from.kind === 'feature' && to.kind === 'feature' && to.name !== from.name) {
    return `features/${from.name} may not import features/${to.name}: move what both need to src/components or src/lib, or compose them in src/app`;
  }
  if (from.kind !== 'app' && to.kind === 'app') {
    return `src/app composes the web app; ${from.kind === 'feature' ? `features/${from.name}` : 'shared code'} may not import it`;
  }
  if (from.kind === 'shared' && to.kind === 'feature') {
    return `shared web code (src/components, src/lib) may not import features/${to.name}`;
  }
  return null;
}

/** `app:<name>`, `lib:<name>`, or the top folder (tests, scripts, bench, …) of a path inside the repository. */
function placeOf(absolutePath) {
  const parts = relative(ROOT, absolutePath).split(sep);
  if ((parts[0] === 'apps' || parts[0] === 'libs') && parts.length > 2) {
    return { kind: parts[0] === 'apps' ? 'app' : 'lib', name: parts[1] };
  }
  return { kind: 'other', name: parts[0] };
}

/** Where an import specifier points: a place in the repository, or a package. */
function targetOf(specifier, fromFile) {
  if (specifier.startsWith('.')) return placeOf(resolve(dirname(fromFile), specifier));
  const library = /^@haven\/([^/]+)/.exec(specifier);
  if (library) return { kind: 'lib', name: library[1] };
  const scoped = specifier.startsWith('@');
  const name = specifier
    .split('/')
    .slice(0, scoped ? 2 : 1)
    .join('/');
  return { kind: 'package', name: name.replace(/^node:/, '') };
}

/** Why this import crosses a boundary, or null. */
export function boundaryViolation(fromFile, specifier) {
  const webProblem = webLayerViolation(resolve(fromFile), specifier);
  if (webProblem) return webProblem;
  const from = placeOf(resolve(fromFile));
  if (from.kind === 'other') return null; // tests/, scripts/, bench/ and the root files may import anything.
  const to = targetOf(specifier, resolve(fromFile));
  const isTest = TEST_FILE.test(fromFile);

  if (from.kind === 'app' && to.kind === 'app' && to.name !== from.name) {
    return `apps/${from.name} may not import apps/${to.name}: services share only libs/contracts and talk over the broker`;
  }
  if (from.kind === 'lib' && to.kind === 'app') {
    return `libs/${from.name} may not import apps/${to.name}: libraries never depend on an app`;
  }
  if (from.kind === 'lib' && from.name === 'contracts' && !(to.kind === 'lib' && to.name === 'contracts')) {
    if (!isTest) return `libs/contracts imports nothing (found '${specifier}'): it is plain types and constants`;
  }
  const purePackages = from.kind === 'lib' ? PURE_LIBRARY_PACKAGES[from.name] : undefined;
  if (purePackages && to.kind === 'package' && !isTest) {
    if (!purePackages.includes(to.name) && !builtinModules.includes(to.name)) {
      return `libs/${from.name} stays pure: no '${specifier}' (infrastructure goes to @haven/infrastructure, RPC wiring to @haven/messaging)`;
    }
  }
  if (from.kind === 'app' && from.name === 'gateway') {
    if (
      (to.kind === 'lib' && to.name === 'database') ||
      (to.kind === 'package' && DATABASE_PACKAGES.includes(to.name))
    ) {
      return `the gateway holds no domain data and imports no database code (found '${specifier}')`;
    }
  }
  if (to.kind === 'lib' && to.name === 'testing' && !isTest && !(from.kind === 'lib' && from.name === 'testing')) {
    return `only tests import @haven/testing`;
  }
  if (from.kind === 'lib' && to.kind === 'lib' && to.name !== from.name && !isTest) {
    const allowed = LIBRARY_LAYERS[from.name];
    if (allowed && !allowed.includes(to.name)) {
      return `libs/${from.name} may import only ${allowed.length ? allowed.map((l) => `@haven/${l}`).join(', ') : 'itself'} (found '${specifier}')`;
    }
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep apps, libraries and contracts inside their boundaries' },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const problem = boundaryViolation(context.filename, node.source.value);
      if (problem) context.report({ node: node.source, message: problem });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'import-boundaries': rule } };
