// Image references as the engine compares them: `base`, `base:latest`, `docker.io/library/base`
// and `index.docker.io/library/base:latest` all name the same image.
import { parseImageRef } from '../rule-helpers.ts';

// The reference grammar of distribution/reference, reduced to what a tag needs.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const REGISTRY = /^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

/** `registry/repository:tag` (or `@digest`) with Docker Hub's defaults filled in; null if not a valid reference. */
export function canonicalRef(ref: string): string | null {
  const p = parseImageRef(ref.trim());
  if (!p.repository || !p.repository.split('/').every((c) => COMPONENT.test(c))) return null;
  if (p.tag !== null && !TAG.test(p.tag)) return null;
  if (p.registry !== null && !REGISTRY.test(p.registry)) return null;
  const registry = p.registry === null || p.registry === 'index.docker.io' ? 'docker.io' : p.registry;
  const repository = registry === 'docker.io' && !p.repository.includes('/') ? `library/${p.repository}` : p.repository;
  if (p.digest) return `${registry}/${repository}${p.tag ? `:${p.tag}` : ''}@${p.digest}`;
  return `${registry}/${repository}:${p.tag ?? 'latest'}`;
}

/** The repository part of a tag as written (registry kept, tag and digest dropped). */
export function repositoryOf(ref: string): string {
  const p = parseImageRef(ref);
  return p.registry ? `${p.registry}/${p.repository}` : p.repository;
}

/** The tag as `docker image inspect` lists it in RepoTags (`base:latest`, `ghcr.io/x/y:1`). */
export function familiarRef(ref: string): string {
  const canonical = canonicalRef(ref) ?? ref;
  return canonical.replace(/^docker\.io\/(library\/)?/, '');
}

/** A repository name made from a target name: lower case, characters Docker refuses replaced. */
export function repositoryFromName(name: string): string {
  const parts = name
    .toLowerCase()
    .split('/')
    .map((c) =>
      c
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/[._-]{2,}/g, (m) => (m === '__' || /^-+$/.test(m) ? m : '-'))
        .replace(/^[._-]+|[._-]+$/g, ''),
    )
    .filter(Boolean);
  return parts.length ? parts.join('/') : 'image';
}
