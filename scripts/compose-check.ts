import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PLATFORM_APPS, RAZORPAY_SANDBOX } from './platform-apps';

/** The parts of a Compose file these checks read (after YAML merge keys are applied). */
export interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

interface ComposeService {
  build?: unknown;
  command?: string | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  env_file?: unknown;
  healthcheck?: { test?: unknown; disable?: boolean };
  ports?: (string | { published?: string | number; host_ip?: string })[];
  restart?: string;
  volumes?: (string | { type?: string; source?: string })[];
}

/** Host ports the local infrastructure and `npm start` use; Docker must leave them free. */
const LOCAL_PORTS = ['3000', '5432', '5672', '6379', '15672'];

/**
 * What `docker compose up --build` needs beyond the Compose schema (which dclint checks): every
 * Haven app present, started only after the migrations, waiting on healthy dependencies, with a
 * healthcheck of its own; named volumes declared; no `.env` required; only loopback ports that do
 * not clash with a local setup. Returns one line per problem.
 */
export function composeProblems(compose: ComposeFile): string[] {
  const services = compose.services ?? {};
  const problems: string[] = [];
  // A service without a restart policy runs once and exits (keys, migrate).
  const oneShot = (name: string) => services[name] !== undefined && services[name].restart === undefined;

  for (const app of [...PLATFORM_APPS, RAZORPAY_SANDBOX]) {
    const service = services[app.name];
    if (!service) {
      problems.push(`${app.name}: missing (every app of npm start runs in Docker too)`);
      continue;
    }
    const run = ['node', ...(app.nodeFlags ?? []), app.entry].join(' ');
    if (!String([service.command].flat().join(' ')).includes(run)) {
      problems.push(`${app.name}: its command does not run ${run} (the flags of platform-apps)`);
    }
    if (conditionOf(service, 'migrate') !== 'service_completed_successfully') {
      problems.push(`${app.name}: must wait for migrate to complete successfully`);
    }
  }

  for (const [name, service] of Object.entries(services)) {
    if (!oneShot(name) && (!service.healthcheck?.test || service.healthcheck.disable)) {
      problems.push(`${name}: has no healthcheck, so nothing can wait for it to be ready`);
    }
    for (const [dependency, condition] of dependencies(service)) {
      if (!services[dependency]) problems.push(`${name}: depends on ${dependency}, which is not a service`);
      else if (condition !== (oneShot(dependency) ? 'service_completed_successfully' : 'service_healthy')) {
        problems.push(
          `${name}: waits for ${dependency} with ${condition ?? 'no condition'} instead of ` +
            (oneShot(dependency) ? 'service_completed_successfully' : 'service_healthy'),
        );
      }
    }
    if (service.env_file !== undefined)
      problems.push(`${name}: reads an env_file; docker compose up must need no .env`);
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      const named = source && !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('~');
      if (named && !(source in (compose.volumes ?? {}))) {
        problems.push(`${name}: volume ${source} is not declared under volumes`);
      }
    }
    for (const port of service.ports ?? []) problems.push(...portProblems(name, port));
  }
  return problems;
}

function dependencies(service: ComposeService): [string, string | undefined][] {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return dependsOn.map((name) => [name, undefined]);
  return Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition]);
}

function conditionOf(service: ComposeService, dependency: string): string | undefined {
  return dependencies(service).find(([name]) => name === dependency)?.[1];
}

function portProblems(service: string, port: NonNullable<ComposeService['ports']>[number]): string[] {
  const [hostIp, hostPort] = typeof port === 'string' ? hostSide(port) : [port.host_ip, port.published?.toString()];
  const problems: string[] = [];
  if (hostIp !== '127.0.0.1') problems.push(`${service}: publishes ${JSON.stringify(port)} beyond 127.0.0.1`);
  if (hostPort && LOCAL_PORTS.includes(hostPort)) {
    problems.push(`${service}: publishes host port ${hostPort}, which a local setup already uses`);
  }
  return problems;
}

/** Host address and port of a short port syntax: `[host_ip:][host_port:]container_port`. */
function hostSide(spec: string): [string | undefined, string | undefined] {
  const parts = spec.split(':');
  if (parts.length === 3) return [parts[0], parts[1]];
  return [undefined, parts.length === 2 ? parts[0] : undefined];
}

/** The file as Compose reads it with no variables set: `${NAME:-default}` is its default. */
export function interpolateDefaults(text: string): string {
  return text.replace(/\$\$|\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (match, fallback?: string) =>
    match === '$$' ? '$$' : (fallback ?? ''),
  );
}

export function readComposeFile(path: string): ComposeFile {
  return parse(interpolateDefaults(readFileSync(path, 'utf8')), { merge: true }) as ComposeFile;
}

/** `node dist/scripts/compose-check.js [file]`: prints each problem and fails if there is any. */
if (require.main === module) {
  const file = process.argv[2] ?? 'docker-compose.yml';
  const problems = composeProblems(readComposeFile(file));
  problems.forEach((problem) => console.error(`${file}: ${problem}`));
  if (problems.length > 0) process.exit(1);
  console.warn(`${file}: every app waits for healthy dependencies and the migrations, and has a healthcheck`);
}
