// dockopt's per-project state under .dockopt/: build logs, the file digest cache, and
// images.json (target name -> image id, hash tag, pushed digest), which infrastructure code reads
// to deploy the images dockopt built.
import { mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from '../write.ts';
import type { HashParts } from './hash.ts';

export const STATE_DIR_NAME = '.dockopt';

export interface StatePaths {
  dir: string;
  logs: string;
  digests: string;
  images: string;
}

export function statePaths(projectRoot: string): StatePaths {
  const dir = join(projectRoot, STATE_DIR_NAME);
  return { dir, logs: join(dir, 'logs'), digests: join(dir, 'file-digests'), images: join(dir, 'images.json') };
}

/** A file name for a target (names may hold `/`): readable, and distinct for distinct names. */
export function fileNameFor(name: string): string {
  const readable = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 80);
  if (readable === name) return name;
  return `${readable}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export interface ImageRecord {
  /** Image id (config digest); null when it was only ever in a registry (buildx/buildctl --push skip). */
  image: string | null;
  hash: string;
  hashTag: string;
  tags: string[];
  /** Registry digest when dockopt pushed the image, else null. */
  digest: string | null;
  updatedAt: string;
  /** Digests of the hash's parts, so the next run can say what changed. */
  inputs?: HashParts;
}

export interface ImagesFile {
  version: 1;
  images: Record<string, ImageRecord>;
}

export function readImagesFile(path: string): ImagesFile {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as ImagesFile;
    if (data && data.version === 1 && data.images && typeof data.images === 'object') return data;
  } catch {
    /* missing or unreadable: start afresh */
  }
  return { version: 1, images: {} };
}

/** Merge records for the targets that succeeded into images.json; other entries are kept. */
export function recordImages(path: string, records: Record<string, ImageRecord>): void {
  if (Object.keys(records).length === 0) return;
  const file = readImagesFile(path);
  const before = JSON.stringify(file, null, 2);
  Object.assign(file.images, records);
  const sorted: Record<string, ImageRecord> = {};
  for (const k of Object.keys(file.images).sort()) sorted[k] = file.images[k];
  const text = JSON.stringify({ version: 1, images: sorted }, null, 2);
  if (text === before) return; // nothing new: leave the file alone
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileAtomic(path, `${text}\n`);
}
