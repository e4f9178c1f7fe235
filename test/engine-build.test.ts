// `dockopt build` against a real Docker engine (scripts/engine.sh start): the fixture monorepo in
// fixtures/build-monorepo (a base image with shared local packages, three Lambda-style images FROM
// it, one independent image; everything FROM busybox:local, offline). Every scenario is asserted
// from the JSON report, and the whole suite runs twice: over the engine's unix socket and over its
// loopback TCP listener (DOCKER_HOST=tcp://...), as a remote engine.
//
// The scenarios of one suite run in order on one copy of the project: each starts from the state
// the previous one left (that is the point: a second run, then a change, then another run).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, dockopt, project } from './support/cli.ts';
import { DOCKER, describeEngine } from './support/engine.ts';

interface Target {
  name: string;
  status: string;
  hash: string;
  image: string | null;
  tags: string[];
  durationMs: number;
  steps: { total: number; cached: number };
  reason: string | null;
}

const ENGINES = [
  { label: 'unix socket', host: process.env.DOCKER_HOST },
  { label: 'TCP (remote engine)', host: process.env.DOCKOPT_ENGINE_TCP },
];

for (const engine of ENGINES) {
  describeEngine(`dockopt build on the real engine over ${engine.label}`, () => {
    if (!engine.host) {
      // scripts/engine.sh sets DOCKOPT_ENGINE_TCP; another engine may have no TCP listener.
      if (process.env.CI) it('has an engine address', () => expect.fail(`${engine.label}: DOCKOPT_ENGINE_TCP is not set (scripts/engine.sh start sets it)`));
      else it.skip(`${engine.label}: DOCKOPT_ENGINE_TCP is not set (scripts/engine.sh start sets it)`, () => {});
      return;
    }
    const host = engine.host;
    const prefix = `dockopt-test-${Date.now().toString(36)}-${engine.label.startsWith('TCP') ? 'tcp' : 'unix'}`;
    const env = { DOCKER_HOST: host, DOCKOPT_DOCKER: DOCKER, DOCKER_BUILDKIT: '1' };
    const engineCmd = (args: string[]) => {
      const r = spawnSync(DOCKER, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    let dir = '';

    const build = (args: string[] = [], cwd = dir) => {
      const r = dockopt(['build', '-f', 'json', ...args], { cwd, env });
      let targets: Target[] = [];
      try {
        targets = (JSON.parse(r.stdout) as { targets: Target[] }).targets;
      } catch {
        throw new Error(`no JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
      }
      const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
      const status = Object.fromEntries(targets.map((t) => [t.name, t.status]));
      return { ...r, targets, byName, status };
    };
    const edit = (rel: string, change: (text: string) => string) => writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));
    const inspect = (ref: string) => {
      const r = engineCmd(['image', 'inspect', '--format', '{{json .}}', ref]);
      return r.code === 0 ? (JSON.parse(r.stdout) as { Id: string; RepoTags: string[]; RootFS: { Layers: string[] }; Config: { Labels: Record<string, string> | null } }) : null;
    };
    const images = () => JSON.parse(readFileSync(join(dir, '.dockopt/images.json'), 'utf8')).images as Record<string, { image: string; hash: string; hashTag: string }>;
    const lambdas = ['polling', 'compaction', 'submit'];
    const all = ['base', ...lambdas, 'exporter'];

    beforeAll(() => {
      dir = project('build-monorepo');
      const rewrite = (d: string) => {
        for (const name of readdirSync(d)) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) rewrite(p);
          else writeFileSync(p, readFileSync(p, 'utf8').replaceAll('dockopt-monorepo', prefix));
        }
      };
      rewrite(dir);
    });

    afterAll(() => {
      // Only this suite's images: other people use the same engine.
      const list = engineCmd(['images', '--format', '{{.Repository}} {{.ID}}']);
      const ids = [...new Set(list.stdout.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.split(' ')[1]))];
      if (ids.length) engineCmd(['rmi', '-f', ...ids]);
    });

    it('first run builds all targets, each after what it is built FROM', { timeout: 300_000 }, () => {
      const r = build(['-j', '2']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.targets.map((t) => t.name)).toEqual(['base', 'polling', 'compaction', 'submit', 'exporter']);
      expect(r.status).toEqual(Object.fromEntries(all.map((n) => [n, 'built'])));
      const base = inspect(r.byName.base.image!)!;
      for (const t of r.targets) {
        // Labelled and tagged with its hash; the report's image is what the engine has.
        const hashTag = `${prefix}/${t.name}:dockopt-${t.hash.slice(0, 12)}`;
        expect(t.tags).toEqual([`${prefix}/${t.name}:latest`, hashTag]);
        const image = inspect(hashTag)!;
        expect(image.Id).toBe(t.image);
        expect(image.Config.Labels?.['dockopt.hash']).toBe(t.hash);
        expect(t.steps.total).toBeGreaterThan(0);
      }
      // Each Lambda image was built FROM the base image this run produced (so after it).
      for (const n of lambdas) expect(inspect(r.byName[n].image!)!.RootFS.Layers.slice(0, base.RootFS.Layers.length)).toEqual(base.RootFS.Layers);
      // Without a terminal: logs prefixed with the target; full logs under .dockopt/logs/.
      expect(r.stderr).toMatch(/^\[base\] #\d+ \[2\/4\] WORKDIR \/opt$/m);
      expect(r.stderr).toMatch(/^\[exporter\] ✓ built in /m);
      expect(readFileSync(join(dir, '.dockopt/logs/base.log'), 'utf8')).toMatch(/^#\d+ \[4\/4\] RUN mkdir -p \/opt\/site/m);
      expect(Object.fromEntries(Object.entries(images()).map(([k, v]) => [k, v.image]))).toEqual(Object.fromEntries(r.targets.map((t) => [t.name, t.image])));
    });

    it('a second run skips all', { timeout: 120_000 }, () => {
      const before = images();
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual(Object.fromEntries(all.map((n) => [n, 'skipped'])));
      for (const t of r.targets) {
        expect(t.image).toBe(before[t.name].image);
        expect(t.reason).toBe(`up to date: the engine has ${before[t.name].hashTag}`);
      }
    });

    it('changing one handler rebuilds only that image', { timeout: 120_000 }, () => {
      edit('lambdas/polling/handler.py', (t) => `${t}# changed\n`);
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual({ base: 'skipped', polling: 'built', compaction: 'skipped', submit: 'skipped', exporter: 'skipped' });
      expect(r.byName.polling.reason).toBe('changed: context files');
    });

    it('changing a file .dockerignore excludes, or one no COPY reads, rebuilds nothing', { timeout: 120_000 }, () => {
      edit('README.md', (t) => `${t}More docs.\n`);
      edit('docs/notes.md', (t) => `${t}More notes.\n`);
      edit('scripts/deploy.sh', (t) => `${t}echo again\n`);
      writeFileSync(join(dir, 'lambdas/polling/notes.txt'), 'not copied by any Dockerfile\n');
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual(Object.fromEntries(all.map((n) => [n, 'skipped'])));
    });

    it("changing the base's package rebuilds the base and its three dependents", { timeout: 300_000 }, () => {
      edit('packages/receipt_dynamo/receipt_dynamo/__init__.py', (t) => t.replace('VERSION = "1.0"', 'VERSION = "1.1"'));
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual({ base: 'built', polling: 'built', compaction: 'built', submit: 'built', exporter: 'skipped' });
      expect(r.byName.base.reason).toBe('changed: context files');
      for (const n of lambdas) expect(r.byName[n].reason).toBe('changed: dependency base');
      const base = inspect(r.byName.base.image!)!;
      for (const n of lambdas) expect(inspect(r.byName[n].image!)!.RootFS.Layers.slice(0, base.RootFS.Layers.length)).toEqual(base.RootFS.Layers);
    });

    it('changing a build arg rebuilds that target (in the config, or --build-arg for who declares it)', { timeout: 120_000 }, () => {
      edit('.dockopt.yaml', (t) => t.replace('HANDLER_VERSION: "1"', 'HANDLER_VERSION: "2"'));
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual({ base: 'skipped', polling: 'skipped', compaction: 'skipped', submit: 'built', exporter: 'skipped' });
      expect(r.byName.submit.reason).toBe('changed: build args');
      // EXPORT_FORMAT is declared by the exporter only: the others ignore it and stay skipped.
      const withArg = build(['--build-arg', 'EXPORT_FORMAT=json']);
      expect(withArg.status).toEqual({ base: 'skipped', polling: 'skipped', compaction: 'skipped', submit: 'skipped', exporter: 'built' });
      expect(build(['--build-arg', 'EXPORT_FORMAT=json']).status.exporter).toBe('skipped');
    });

    it('removing the image from the engine rebuilds it', { timeout: 120_000 }, () => {
      // Back to the exporter of the config (its image is still there, tagged with its hash).
      expect(build().status.exporter).toBe('skipped');
      const exporter = images().exporter;
      expect(engineCmd(['rmi', '-f', exporter.image]).code).toBe(0);
      const r = build();
      expect(r.code, r.stderr).toBe(0);
      expect(r.status).toEqual({ base: 'skipped', polling: 'skipped', compaction: 'skipped', submit: 'skipped', exporter: 'built' });
      expect(r.byName.exporter.reason).toBe(`its image ${exporter.hashTag} is not in the engine`);
      expect(inspect(exporter.hashTag)).not.toBeNull();
    });

    it('a failing RUN fails that target and cancels its dependents; the others go on; the next run retries it', { timeout: 300_000 }, () => {
      const good = images().base;
      edit('base/Dockerfile', (t) => t.replace('ENV PYTHONPATH', 'RUN echo "cannot install" && exit 7\nENV PYTHONPATH'));
      edit('tools/exporter/export.sh', (t) => `${t}# exporter changed too\n`);
      const r = build();
      expect(r.code).toBe(1);
      expect(r.status).toEqual({ base: 'failed', polling: 'cancelled', compaction: 'cancelled', submit: 'cancelled', exporter: 'built' });
      expect(r.byName.base.reason).toBe('[5/5] RUN echo "cannot install" && exit 7: exit code 7');
      expect(r.byName.base.image).toBeNull();
      for (const n of lambdas) expect(r.byName[n].reason).toBe('dependency base failed');
      // Nothing recorded for the failure: no image with its hash, images.json still has the last good base.
      expect(inspect(`${prefix}/base:dockopt-${r.byName.base.hash.slice(0, 12)}`)).toBeNull();
      expect(images().base).toEqual(good);
      const retry = build();
      expect(retry.code).toBe(1);
      expect(retry.status.base).toBe('failed');
      expect(retry.byName.base.steps.total).toBeGreaterThan(0);
      // Fixed: built, and so are its dependents.
      edit('base/Dockerfile', (t) => t.replace('RUN echo "cannot install" && exit 7', 'RUN echo "installed"'));
      const fixed = build();
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.status).toEqual({ base: 'built', polling: 'built', compaction: 'built', submit: 'built', exporter: 'skipped' });
    });

    it('--dry-run prints the plan, builds nothing; TARGET builds that target and its dependencies; --force rebuilds', { timeout: 300_000 }, () => {
      edit('lambdas/compaction/handler.py', (t) => `${t}# dry run\n`);
      const plan = build(['--dry-run']);
      expect(plan.code).toBe(0);
      expect(plan.status).toEqual({ base: 'would-skip', polling: 'would-skip', compaction: 'would-build', submit: 'would-skip', exporter: 'would-skip' });
      expect(inspect(`${prefix}/compaction:dockopt-${plan.byName.compaction.hash.slice(0, 12)}`)).toBeNull();
      const text = dockopt(['build', '--dry-run'], { cwd: dir, env });
      expect(text.stdout).toContain('  3. build  compaction  after base\n        changed: context files\n');
      const one = build(['compaction']);
      expect(one.status).toEqual({ base: 'skipped', compaction: 'built' });
      const forced = build(['polling', '--force']);
      expect(forced.status).toEqual({ base: 'built', polling: 'built' });
      expect(forced.byName.base.reason).toBe('--force');
      expect(forced.byName.base.steps.cached).toBe(forced.byName.base.steps.total);
    });

    it('the text summary: status, time, cached steps and slowest step per target', { timeout: 120_000 }, () => {
      // Content no other run had: BuildKit's cache (shared by both suites) cannot serve it.
      edit('tools/exporter/export.sh', (t) => `${t}# summary ${prefix}\n`);
      const r = dockopt(['build'], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^TARGET +STATUS +TIME +CACHED +SLOWEST STEP \/ REASON$/m);
      expect(r.stdout).toMatch(/^exporter +built +[\d.]+m?s +0\/2 +\[3\/3\] RUN echo "csv" > \/etc\/export-format [\d.]+s$/m);
      expect(r.stdout).toMatch(/^base +skipped +- +- *$/m);
      expect(r.stdout).toMatch(/^5 targets: 1 built, 4 skipped in [\d.]+m?s$/m);
    });

    it('an air-gapped `# syntax=` frontend fails in one line naming --builtin-frontend, which then builds', { timeout: 120_000 }, () => {
      const syn = project(null, {
        '.dockopt.yaml': `images:\n  syn:\n    dockerfile: Dockerfile\n    tags: [${prefix}/syn:latest]\n`,
        Dockerfile: '# syntax=docker/dockerfile:1\nFROM busybox:local\nRUN echo hi > /hi\n',
      });
      const failed = build([], syn);
      expect(failed.code).toBe(1);
      expect(failed.byName.syn.reason).toBe(
        "cannot fetch the frontend image of `# syntax=docker/dockerfile:1` (no registry access?): build with --builtin-frontend (or build.builtinFrontend: true) to use the engine's built-in Dockerfile frontend",
      );
      const builtin = build(['--builtin-frontend'], syn);
      expect(builtin.code, builtin.stderr).toBe(0);
      expect(builtin.status.syn).toBe('built');
      expect(build(['--builtin-frontend'], syn).status.syn).toBe('skipped');
    });

    it('Ctrl-C stops the running build (its process group), records nothing for it, and exits 130', { timeout: 120_000 }, async () => {
      const slow = project(null, {
        '.dockopt.yaml': `images:\n  slow:\n    dockerfile: Dockerfile\n    tags: [${prefix}/slow:latest]\n`,
        Dockerfile: `FROM busybox:local\nRUN echo ${prefix} && sleep 60\n`,
      });
      const child = spawn(process.execPath, [BIN, 'build', '-f', 'json'], { cwd: slow, env: { ...process.env, ...env, NO_COLOR: '1', CI: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      const started = Date.now();
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (d) => {
          stderr += d;
          if (/RUN echo .* && sleep 60/.test(stderr) && /#\d+ \d+\.\d+ dockopt-test/.test(stderr)) resolve();
        });
        setTimeout(() => reject(new Error(`the build did not start:\n${stderr}`)), 60_000);
      });
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(130);
      expect(Date.now() - started).toBeLessThan(45_000);
      const target = (JSON.parse(stdout) as { targets: Target[] }).targets[0];
      expect(target).toMatchObject({ name: 'slow', status: 'cancelled', reason: 'interrupted', image: null });
      expect(inspect(`${prefix}/slow:dockopt-${target.hash.slice(0, 12)}`)).toBeNull();
      expect(existsSync(join(slow, '.dockopt/images.json'))).toBe(false);
      // No docker client of that build is left running.
      const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
      expect(ps.stdout.split('\n').filter((l) => l.includes(`${prefix}/slow`))).toEqual([]);
    });
  });
}
