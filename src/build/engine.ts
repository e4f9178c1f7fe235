// What dockopt asks the Docker engine, through the docker client: which hash-tagged images exist
// (one call for all targets), tagging, registry lookups, and push digests.
import { DockoptError } from '../errors.ts';
import { apiEndpoint, apiGet } from './engine-api.ts';
import { capture, type Captured, type Command } from './process.ts';
import { familiarRef } from './refs.ts';

export const HASH_LABEL = 'dockopt.hash';

export interface EngineImage {
  id: string;
  /** RepoTags as the engine lists them (`base:latest`, `ghcr.io/x/y:1`). */
  tags: string[];
  labels: Record<string, string>;
}

export interface EngineOptions {
  docker: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Turn "cannot reach the engine / wrong client" output into one-line engine errors. */
export function engineFailure(docker: string, result: Captured | { stderr: string; spawnError: string | null }): DockoptError | null {
  if (result.spawnError === 'ENOENT') {
    return new DockoptError('engine', `docker client "${docker}" not found`, { hint: 'set --docker, DOCKOPT_DOCKER or build.docker in the config' });
  }
  if (result.spawnError) return new DockoptError('engine', `cannot run docker client "${docker}": ${result.spawnError}`);
  const text = result.stderr;
  if (/Cannot connect to the Docker daemon|error during connect|connection refused|dial (unix|tcp)/i.test(text)) {
    const line = text.split('\n').find((l) => l.trim()) ?? text;
    return new DockoptError('engine', `cannot reach the Docker engine: ${line.trim()}`, { hint: 'is dockerd running? check DOCKER_HOST' });
  }
  return null;
}

/**
 * Look up images by reference in one client call. Missing references are simply absent from the
 * result; an unreachable engine is an error.
 */
export async function inspectImages(refs: readonly string[], options: EngineOptions): Promise<Map<string, EngineImage>> {
  const found = new Map<string, EngineImage>();
  const unique = [...new Set(refs)];
  if (unique.length === 0) return found;
  const endpoint = apiEndpoint(options.env ?? process.env);
  if (endpoint) {
    try {
      const answers = await Promise.all(unique.map((ref) => apiGet(endpoint, `/images/${encodeURIComponent(ref)}/json`)));
      if (answers.every((a) => a.status === 200 || a.status === 404)) {
        answers.forEach((a, i) => {
          if (a.status !== 200) return;
          const data = JSON.parse(a.body) as { Id: string; RepoTags: string[] | null; Config: { Labels: Record<string, string> | null } | null };
          found.set(unique[i], { id: data.Id, tags: data.RepoTags ?? [], labels: data.Config?.Labels ?? {} });
        });
        return found;
      }
    } catch {
      /* ask the client, which explains what is wrong */
    }
    found.clear();
  }
  const result = await capture(
    { command: options.docker, args: ['image', 'inspect', '--format', '{{.Id}}\t{{json .RepoTags}}\t{{json .Config.Labels}}', ...unique] },
    { baseEnv: options.env, signal: options.signal },
  );
  const failure = engineFailure(options.docker, result);
  if (failure) throw failure;
  const images: EngineImage[] = [];
  for (const line of result.stdout.split('\n')) {
    const [id, tags, labels] = line.split('\t');
    if (!id?.startsWith('sha256:')) continue;
    images.push({ id, tags: safeJson<string[]>(tags) ?? [], labels: safeJson<Record<string, string>>(labels) ?? {} });
  }
  if (result.code !== 0 && images.length === 0 && !/No such image/i.test(result.stderr)) {
    throw new DockoptError('engine', `docker image inspect failed: ${result.stderr.trim().split('\n')[0]}`);
  }
  for (const ref of unique) {
    const familiar = familiarRef(ref);
    const image = images.find((i) => i.tags.includes(familiar));
    if (image) found.set(ref, image);
  }
  return found;
}

function safeJson<T>(text: string | undefined): T | null {
  try {
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function tagCommand(docker: string, image: string, tag: string): Command {
  return { command: docker, args: ['tag', image, tag] };
}

/** `<tag>: digest: sha256:... size: N` from `docker push`. */
export function pushedDigest(output: string): string | null {
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(output);
  return m ? m[1] : null;
}

/** `os/arch` of the engine: the platform builds get when they set none. */
export async function enginePlatform(options: EngineOptions): Promise<string> {
  const endpoint = apiEndpoint(options.env ?? process.env);
  if (endpoint) {
    try {
      const a = await apiGet(endpoint, '/version');
      const v = JSON.parse(a.body) as { Os?: string; Arch?: string };
      if (a.status === 200 && v.Os && v.Arch) return `${v.Os}/${v.Arch}`;
    } catch {
      /* ask the client */
    }
  }
  const r = await capture({ command: options.docker, args: ['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'] }, { baseEnv: options.env, signal: options.signal });
  const failure = engineFailure(options.docker, r);
  if (failure) throw failure;
  const value = r.stdout.trim();
  if (r.code !== 0 || !/^\w+\/\w+$/.test(value)) {
    throw new DockoptError('engine', `cannot ask the Docker engine for its platform: ${(r.stderr || r.stdout).trim().split('\n')[0]}`, {
      hint: `is "${options.docker}" a docker client that can reach the engine?`,
    });
  }
  return value;
}
