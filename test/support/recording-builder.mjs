#!/usr/bin/env node
// A stand-in for `docker` and `buildctl` (buildx and buildctl cannot be installed here): records
// each invocation (argv and the environment variables builders read) as one JSON line in
// $DOCKOPT_RECORD, and answers like the real tool would for what dockopt asks:
//   version                     -> linux/amd64
//   image inspect REF...        -> the images listed in $DOCKOPT_STANDIN_IMAGES (JSON: ref -> {id, labels}), else "No such image"
//   build / buildx build        -> BuildKit plain progress, writes --iidfile and --metadata-file
//   buildctl build              -> progress, writes --metadata-file and the docker tarball of dest=
//   push TAG                    -> "TAG: digest: sha256:... size: 528"
//   manifest inspect / buildx imagetools inspect -> exit 1 unless the tag is in $DOCKOPT_STANDIN_REGISTRY (comma list)
//   anything else               -> exit 0
// $DOCKOPT_STANDIN_FAIL=build makes builds fail like a failing RUN.
import { appendFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const argv = process.argv.slice(2);
const tool = basename(process.argv[1]).startsWith('buildctl') ? 'buildctl' : 'docker';
const env = {};
for (const k of ['DOCKER_BUILDKIT', 'DOCKER_HOST', 'BUILDKIT_HOST']) if (process.env[k] !== undefined) env[k] = process.env[k];
if (process.env.DOCKOPT_RECORD) appendFileSync(process.env.DOCKOPT_RECORD, `${JSON.stringify({ tool, argv, env })}\n`);

const ID = `sha256:${'1'.repeat(64)}`;
const DIGEST = `sha256:${'2'.repeat(64)}`;
const value = (flag) => {
  const i = argv.indexOf(flag);
  if (i !== -1) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
};
const progress = () => {
  process.stderr.write('#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n\n');
  process.stderr.write('#2 [1/2] FROM docker.io/library/busybox:local\n#2 DONE 0.0s\n\n');
  process.stderr.write('#3 [2/2] RUN true\n');
  if (process.env.DOCKOPT_STANDIN_FAIL === 'build') {
    process.stderr.write('#3 ERROR: executor failed running [/bin/sh -c true]: exit code: 1\n');
    process.exit(1);
  }
  process.stderr.write('#3 DONE 0.1s\n\n#4 exporting to image\n#4 DONE 0.0s\n');
};
const words = argv.filter((a) => !a.startsWith('-'));

if (tool === 'buildctl') {
  if (words[0] === 'build') {
    progress();
    const meta = value('--metadata-file');
    if (meta) writeFileSync(meta, JSON.stringify({ 'containerimage.config.digest': ID, 'containerimage.digest': DIGEST }));
    const output = value('--output') ?? '';
    const dest = /dest=([^,]+)/.exec(output);
    if (dest) writeFileSync(dest[1], 'tarball');
  }
  process.exit(0);
}

if (words[0] === 'version') {
  process.stdout.write('linux/amd64\n');
} else if (words[0] === 'image' && words[1] === 'inspect') {
  const images = JSON.parse(process.env.DOCKOPT_STANDIN_IMAGES ?? '{}');
  const refs = argv.slice(argv.indexOf('inspect') + 1).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--format');
  let missing = false;
  for (const ref of refs) {
    const image = images[ref];
    if (image) process.stdout.write(`${image.id}\t${JSON.stringify([ref])}\t${JSON.stringify(image.labels ?? {})}\n`);
    else {
      process.stderr.write(`Error: No such image: ${ref}\n`);
      missing = true;
    }
  }
  process.exit(missing ? 1 : 0);
} else if (words[0] === 'build' || (words[0] === 'buildx' && words[1] === 'build')) {
  progress();
  const iid = value('--iidfile');
  if (iid) writeFileSync(iid, ID);
  const meta = value('--metadata-file');
  if (meta) writeFileSync(meta, JSON.stringify({ 'containerimage.config.digest': ID, 'containerimage.digest': DIGEST }));
} else if (words[0] === 'push') {
  process.stdout.write(`${words[1].split(':').pop()}: digest: ${DIGEST} size: 528\n`);
} else if ((words[0] === 'manifest' && words[1] === 'inspect') || (words[0] === 'buildx' && words[1] === 'imagetools' && words[2] === 'inspect')) {
  const registry = (process.env.DOCKOPT_STANDIN_REGISTRY ?? '').split(',');
  process.exit(registry.includes(words[words.length - 1]) ? 0 : 1);
}
process.exit(0);
