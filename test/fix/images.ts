// Comparing two built images the way the fix engine promises they compare: the runtime config and
// every path of the container filesystem (type, mode, owner, size, content hash, link target),
// except what the new cache mounts keep out of the image. Reads `docker image inspect` and the
// tar stream of `docker export`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { DOCKER, docker } from '../support/engine.ts';

export interface Entry {
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  sha256: string | null;
  link: string | null;
}

const CONFIG_KEYS = ['Cmd', 'Entrypoint', 'Env', 'WorkingDir', 'User', 'ExposedPorts', 'Volumes', 'Labels', 'StopSignal', 'Healthcheck', 'Shell', 'OnBuild'] as const;

export function imageConfig(image: string): Record<string, unknown> {
  const r = docker(['image', 'inspect', image]);
  if (r.code !== 0) throw new Error(`docker image inspect ${image}: ${r.stderr}`);
  const config = (JSON.parse(r.stdout) as { Config: Record<string, unknown> }[])[0].Config ?? {};
  const out: Record<string, unknown> = {};
  for (const k of CONFIG_KEYS) {
    let v = config[k] ?? null;
    // The order of ENV declarations is not meaning: a moved ENV must not count as a change.
    if (k === 'Env' && Array.isArray(v)) v = [...v].sort();
    out[k] = v;
  }
  return out;
}

/** Container files that the engine adds to every container, not part of the image. */
const RUNTIME = /^(\.dockerenv|dev(\/.*)?|proc(\/.*)?|sys(\/.*)?|etc\/(hostname|hosts|resolv\.conf|mtab))$/;

export function imageFiles(image: string): Map<string, Entry> {
  const created = docker(['create', image, 'true']);
  if (created.code !== 0) throw new Error(`docker create ${image}: ${created.stderr}`);
  const id = created.stdout.trim();
  try {
    const r = spawnSync(DOCKER, ['export', id], { maxBuffer: 512 * 1024 * 1024, env: process.env });
    if (r.status !== 0) throw new Error(`docker export: ${r.stderr?.toString()}`);
    return readTar(r.stdout);
  } finally {
    docker(['rm', '-f', id]);
  }
}

/** A minimal tar reader: ustar headers, GNU long names and PAX path/linkpath/size records. */
export function readTar(buf: Buffer): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let off = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  const str = (a: number, b: number) => {
    const s = buf.subarray(off + a, off + b);
    const nul = s.indexOf(0);
    return s.subarray(0, nul === -1 ? s.length : nul).toString('utf8');
  };
  const num = (a: number, b: number) => parseInt(str(a, b).trim() || '0', 8);
  while (off + 512 <= buf.length) {
    if (buf.subarray(off, off + 512).every((b) => b === 0)) break;
    const type = String.fromCharCode(buf[off + 156] || 48);
    let size = num(124, 136);
    if (pax.size) size = Number(pax.size);
    const prefix = str(345, 500);
    let name = longName ?? pax.path ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    const link = longLink ?? pax.linkpath ?? str(157, 257);
    const mode = num(100, 108) & 0o7777;
    const entryUid = pax.uid ? Number(pax.uid) : num(108, 116);
    const entryGid = pax.gid ? Number(pax.gid) : num(116, 124);
    const dataStart = off + 512;
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'K') {
      longLink = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      pax = {};
      for (const rec of data.toString('utf8').split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/.exec(rec);
        if (m) pax[m[1]] = m[2];
      }
      continue;
    }
    if (type === 'g') continue;
    longName = null;
    longLink = null;
    pax = {};
    name = name.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!name || RUNTIME.test(name)) continue;
    const kind: Entry['type'] = type === '0' || type === '\0' || type === '7' ? 'file' : type === '5' ? 'dir' : type === '2' ? 'symlink' : type === '1' ? 'hardlink' : 'other';
    out.set(name, {
      type: kind,
      mode,
      uid: entryUid,
      gid: entryGid,
      size: kind === 'file' ? size : 0,
      sha256: kind === 'file' ? createHash('sha256').update(data).digest('hex').slice(0, 16) : null,
      link: kind === 'symlink' || kind === 'hardlink' ? link : null,
    });
  }
  return out;
}

export interface Allowance {
  /** Cache mount targets (absolute): everything at or below them may differ. */
  cacheTargets: string[];
  /** Further paths (relative, no leading slash) allowed to differ, with why. */
  paths?: string[];
  /** Config keys allowed to differ (an intended change, e.g. CMD in JSON form). */
  config?: string[];
}

/** The differences between two images that the allowance does not explain. */
export function imageDifferences(original: string, fixed: string, allow: Allowance): string[] {
  const diffs: string[] = [];
  const a = imageConfig(original);
  const b = imageConfig(fixed);
  for (const k of Object.keys(a)) {
    if (allow.config?.includes(k)) continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) diffs.push(`config ${k}: ${JSON.stringify(a[k])} != ${JSON.stringify(b[k])}`);
  }
  const targets = allow.cacheTargets.map((t) => t.replace(/^\/+/, '').replace(/\/+$/, ''));
  const underCache = (p: string) => targets.some((t) => p === t || p.startsWith(`${t}/`));
  // BuildKit (before 0.12) leaves an empty directory where a mount was, with the parents it had to
  // create; in the original build the tool created (some of) them: directories above a cache
  // target may differ in presence and metadata.
  const above = (p: string, x: Entry | undefined, y: Entry | undefined) =>
    targets.some((t) => t.startsWith(`${p}/`)) && (x === undefined || x.type === 'dir') && (y === undefined || y.type === 'dir');
  const extra = new Set(allow.paths ?? []);
  const fa = imageFiles(original);
  const fb = imageFiles(fixed);
  for (const p of new Set([...fa.keys(), ...fb.keys()])) {
    if (underCache(p) || extra.has(p)) continue;
    const x = fa.get(p);
    const y = fb.get(p);
    if (above(p, x, y)) continue;
    if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push(`${p}: ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
  }
  return diffs;
}
