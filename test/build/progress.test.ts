// BuildKit plain progress (as Docker 20.10's client prints it) and the progress display.
import { describe, expect, it } from 'vitest';
import { PlainProgress, slowestSteps } from '../../src/build/progress.ts';
import { ProgressDisplay } from '../../src/build/display.ts';
import { jsonReport, planText, textSummary } from '../../src/build/report.ts';
import type { BuildReport, TargetResult } from '../../src/build/run.ts';

const BUILT = `#1 [internal] load build definition from Dockerfile
#1 sha256:14a72b7ef46628df362cc4494ea5b7ee4873da0a6b3d9f4e3a6f7984e3be06af
#1 transferring dockerfile: 94B done
#1 DONE 0.0s

#4 [1/4] FROM docker.io/library/busybox:local
#4 DONE 0.0s

#6 [internal] load build context
#6 transferring context: 33B done
#6 DONE 0.0s

#5 [2/4] RUN echo hi > /a
#5 CACHED

#7 [3/4] COPY x /x
#7 DONE 0.1s

#8 [4/4] RUN cat /x
#8 0.278 data
#8 DONE 2.3s

#9 exporting to image
#9 writing image sha256:d28df1eda274c7fb65e6364fb97150f87357fc937a9584ca51233ad0beaefbeb done
#9 DONE 0.0s`;

const FAILED = `#4 [1/2] FROM docker.io/library/busybox:local
#4 CACHED

#5 [2/2] RUN echo failing && exit 3
#5 0.274 failing
#5 ERROR: executor failed running [/bin/sh -c echo failing && exit 3]: exit code: 3
------
 > [2/2] RUN echo failing && exit 3:
------
executor failed running [/bin/sh -c echo failing && exit 3]: exit code: 3`;

const FRONTEND = `#3 resolve image config for docker.io/docker/dockerfile:1
#3 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial tcp: lookup registry-1.docker.io: no such host
------
 > resolve image config for docker.io/docker/dockerfile:1:
------
failed to solve with frontend dockerfile.v0: failed to solve with frontend gateway.v0: failed to do request`;

function feed(text: string): PlainProgress {
  const p = new PlainProgress();
  for (const line of text.split('\n')) p.push(line);
  return p;
}

describe('PlainProgress', () => {
  it('counts Dockerfile steps (not FROM, not internal ones), cached ones, and their times', () => {
    const p = feed(BUILT);
    expect(p.steps).toEqual([
      { name: '[2/4] RUN echo hi > /a', cached: true, seconds: null, error: null },
      { name: '[3/4] COPY x /x', cached: false, seconds: 0.1, error: null },
      { name: '[4/4] RUN cat /x', cached: false, seconds: 2.3, error: null },
    ]);
    expect(slowestSteps(p.steps, 1)).toEqual([{ name: '[4/4] RUN cat /x', cached: false, seconds: 2.3, error: null }]);
    expect(p.failureReason()).toBeNull();
  });

  it('follows the running step as lines arrive, across interleaved vertices', () => {
    const p = new PlainProgress();
    p.push('#5 [stage-1 2/4] RUN make');
    expect(p.current).toBe('[stage-1 2/4] RUN make');
    p.push('#6 [build 3/5] RUN npm ci');
    p.push('#5 12.1 compiling');
    expect(p.current).toBe('[stage-1 2/4] RUN make');
    p.push('#5 DONE 14.0s');
    expect(p.current).toBe('[build 3/5] RUN npm ci');
    expect(p.steps.map((s) => s.name)).toEqual(['[stage-1 2/4] RUN make', '[build 3/5] RUN npm ci']);
  });

  it('says which step failed and with what exit code', () => {
    expect(feed(FAILED).failureReason()).toBe('[2/2] RUN echo failing && exit 3: exit code 3');
    expect(feed('#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\nfailed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 2: unknown instruction: RUNN').failureReason()).toBe(
      'failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line 2: unknown instruction: RUNN',
    );
  });

  it('sees a `# syntax=` frontend that could not be fetched', () => {
    expect(feed(FRONTEND).vertexErrors[0].name).toBe('resolve image config for docker.io/docker/dockerfile:1');
  });
});

function result(over: Partial<TargetResult>): TargetResult {
  return {
    name: 'app',
    status: 'built',
    hash: 'a'.repeat(64),
    hashTag: 'app:dockopt-aaaaaaaaaaaa',
    image: 'sha256:1',
    tags: ['app:latest', 'app:dockopt-aaaaaaaaaaaa'],
    durationMs: 2300,
    steps: { total: 3, cached: 1 },
    reason: 'no image with this hash',
    dependsOn: [],
    slowest: [{ name: '[4/4] RUN cat /x', cached: false, seconds: 2.3, error: null }],
    logFile: '/p/.dockopt/logs/app.log',
    digest: null,
    ...over,
  };
}

describe('reports', () => {
  const report: BuildReport = {
    targets: [
      result({ name: 'base', status: 'skipped', reason: 'up to date: the engine has base:dockopt-1', steps: { total: 0, cached: 0 }, slowest: [], logFile: null, durationMs: 3 }),
      result({}),
      result({ name: 'bad', status: 'failed', reason: '[2/2] RUN exit 3: exit code 3', image: null, logFile: '/p/.dockopt/logs/bad.log' }),
      result({ name: 'after-bad', status: 'cancelled', reason: 'dependency bad failed', image: null, logFile: null, steps: { total: 0, cached: 0 }, slowest: [], durationMs: 0 }),
    ],
    dryRun: false,
    interrupted: false,
    durationMs: 4100,
    jobs: 2,
    warnings: [],
  };

  it('--format json has exactly the documented keys', () => {
    const data = JSON.parse(jsonReport(report));
    expect(Object.keys(data)).toEqual(['targets']);
    for (const t of data.targets) expect(Object.keys(t)).toEqual(['name', 'status', 'hash', 'image', 'tags', 'durationMs', 'steps', 'reason']);
    expect(data.targets[1].steps).toEqual({ total: 3, cached: 1 });
  });

  it('the summary table: status, time, cached steps, slowest step or reason, totals', () => {
    expect(textSummary(report)).toBe(
      [
        'TARGET     STATUS     TIME  CACHED  SLOWEST STEP / REASON',
        'base       skipped       -       -  ',
        'app        built      2.3s     1/3  [4/4] RUN cat /x 2.3s',
        'bad        failed     2.3s     1/3  [2/2] RUN exit 3: exit code 3',
        'after-bad  cancelled     -       -  dependency bad failed',
        '',
        'Slowest steps:',
        '     2.3s  app  [4/4] RUN cat /x',
        '     2.3s  bad  [4/4] RUN cat /x',
        '',
        'failed bad: full log in /p/.dockopt/logs/bad.log',
        '',
        '4 targets: 1 built, 1 skipped, 1 failed, 1 cancelled in 4.1s',
        '',
      ]
        .join('\n')
        .replace('base       skipped       -       -  \n', 'base       skipped       -       -\n'),
    );
  });

  it('the dry-run plan: order, what would be skipped and why', () => {
    const plan: BuildReport = { ...report, dryRun: true, targets: [result({ name: 'base', status: 'would-skip', reason: 'up to date: the engine has base:dockopt-1' }), result({ status: 'would-build', dependsOn: [{ on: 'base', why: 'FROM base' }], reason: 'changed: context files' })] };
    expect(planText(plan)).toBe('  1. skip   base\n        up to date: the engine has base:dockopt-1\n  2. build  app  after base\n        changed: context files\n\n1 to build, 1 up to date (-j 2); nothing was built (--dry-run)\n');
  });
});

describe('ProgressDisplay', () => {
  it('without a terminal: every line prefixed with its target, and a final line per target', () => {
    const out: string[] = [];
    const d = new ProgressDisplay({ write: (s) => out.push(s), live: false });
    d.handle({ type: 'start', name: 'app' });
    d.handle({ type: 'output', name: 'app', line: '#5 [2/2] RUN make', step: '[2/2] RUN make' });
    d.handle({ type: 'finish', result: result({}) });
    d.handle({ type: 'finish', result: result({ name: 'base', status: 'skipped', reason: 'up to date: the engine has base:dockopt-1' }) });
    d.stop();
    expect(out.join('')).toBe('[app] #5 [2/2] RUN make\n[app] ✓ built in 2.3s (1/3 steps cached)\n[base] • skipped (up to date: the engine has base:dockopt-1)\n');
  });

  it('on a terminal: one live line per running target with its step and elapsed time, redrawn in place', () => {
    let now = 1000;
    const out: string[] = [];
    const d = new ProgressDisplay({ write: (s) => out.push(s), live: true, now: () => now, columns: () => 50, intervalMs: 1_000_000 });
    d.handle({ type: 'start', name: 'base' });
    d.handle({ type: 'start', name: 'app' });
    d.handle({ type: 'output', name: 'base', line: '#5 [2/3] RUN pip install -r requirements.txt', step: '[2/3] RUN pip install -r requirements.txt' });
    now += 12_300;
    d.handle({ type: 'finish', result: result({ name: 'app', durationMs: 12_300 }) });
    d.stop();
    const screen = out.join('');
    // The finished target's line, then the live block for what still runs (truncated to the width).
    expect(screen).toBe(`✓ app built in 12.3s (1/3 steps cached)\n⠋ base  12.3s  ${'[2/3] RUN pip install -r requirements.txt'.slice(0, 33)}…\n\x1b[1F\x1b[0J`);
  });
});
