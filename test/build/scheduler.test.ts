// Scheduling logic only, with a fake runner whose jobs finish when the test says so. Real builds
// are tested against the engine in test/engine-build.test.ts.
import { describe, expect, it } from 'vitest';
import { schedule, type Job, type JobOutcome, type JobStatus } from '../../src/build/scheduler.ts';

interface Pending {
  resolve: (s: JobStatus) => void;
  signal: AbortSignal;
}

/** A runner whose jobs stay running until finish(id, status) is called; records what happened. */
function fakeRunner() {
  const pending = new Map<string, Pending>();
  const events: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const waiters: (() => void)[] = [];
  const run = (id: string, signal: AbortSignal) =>
    new Promise<JobStatus>((resolve) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${id}`);
      signal.addEventListener('abort', () => resolve('cancelled'));
      pending.set(id, {
        resolve: (s) => {
          running--;
          pending.delete(id);
          resolve(s);
        },
        signal,
      });
      waiters.splice(0).forEach((w) => w());
    }).then((s) => {
      if (s === 'cancelled' && pending.has(id)) {
        running--;
        pending.delete(id);
      }
      return s;
    });
  return {
    run,
    events,
    get maxRunning() {
      return maxRunning;
    },
    running: () => [...pending.keys()].sort(),
    signalOf: (id: string) => pending.get(id)?.signal,
    /** Finish a running job, then let the scheduler react. */
    async finish(id: string, status: JobStatus = 'succeeded') {
      const p = pending.get(id);
      if (!p) throw new Error(`${id} is not running (running: ${[...pending.keys()].join(', ')})`);
      events.push(`finish ${id}`);
      p.resolve(status);
      await tick();
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function start(jobs: Job[], concurrency: number, extra: { failFast?: boolean; signal?: AbortSignal } = {}) {
  const runner = fakeRunner();
  const finished: [string, JobOutcome][] = [];
  const done = schedule({ jobs, concurrency, ...extra, run: runner.run, onFinish: (id, o) => finished.push([id, o]) });
  return { runner, finished, done };
}

const job = (id: string, ...deps: string[]): Job => ({ id, deps });

describe('schedule', () => {
  it('runs at most N jobs at once', async () => {
    const { runner, done } = start([job('a'), job('b'), job('c'), job('d'), job('e')], 2);
    await tick();
    expect(runner.running()).toEqual(['a', 'b']);
    await runner.finish('a');
    expect(runner.running()).toEqual(['b', 'c']);
    await runner.finish('b');
    await runner.finish('c');
    await runner.finish('d');
    await runner.finish('e');
    const outcomes = await done;
    expect(runner.maxRunning).toBe(2);
    expect([...outcomes.values()].every((o) => o.status === 'succeeded')).toBe(true);
  });

  it('starts a dependent as soon as its dependencies finish, while unrelated jobs still run', async () => {
    const { runner, done } = start([job('base'), job('slow'), job('app', 'base')], 4);
    await tick();
    expect(runner.running()).toEqual(['base', 'slow']);
    await runner.finish('base');
    expect(runner.running()).toEqual(['app', 'slow']);
    await runner.finish('app');
    await runner.finish('slow');
    await done;
    expect(runner.events.indexOf('start app')).toBeLessThan(runner.events.indexOf('finish slow'));
  });

  it('waits for every dependency of a diamond', async () => {
    const { runner, done } = start([job('a'), job('b', 'a'), job('c', 'a'), job('d', 'b', 'c')], 4);
    await tick();
    await runner.finish('a');
    expect(runner.running()).toEqual(['b', 'c']);
    await runner.finish('b');
    expect(runner.running()).toEqual(['c']);
    await runner.finish('c');
    expect(runner.running()).toEqual(['d']);
    await runner.finish('d');
    await done;
  });

  it('cancels the dependents of a failed job (transitively) and lets independent jobs go on', async () => {
    const { runner, finished, done } = start([job('base'), job('app', 'base'), job('worker', 'app'), job('tool')], 1);
    await tick();
    expect(runner.running()).toEqual(['base']);
    await runner.finish('base', 'failed');
    expect(runner.running()).toEqual(['tool']);
    await runner.finish('tool');
    const outcomes = await done;
    expect(Object.fromEntries(outcomes)).toEqual({
      base: { status: 'failed', reason: null },
      app: { status: 'cancelled', reason: 'dependency base failed' },
      worker: { status: 'cancelled', reason: 'dependency base failed' },
      tool: { status: 'succeeded', reason: null },
    });
    expect(runner.events).not.toContain('start app');
    expect(finished.map(([id]) => id)).toEqual(['base', 'app', 'worker', 'tool']);
  });

  it('with failFast, stops running jobs and starts nothing more after a failure', async () => {
    const { runner, done } = start([job('a'), job('b'), job('c'), job('d', 'b')], 2, { failFast: true });
    await tick();
    expect(runner.running()).toEqual(['a', 'b']);
    const bSignal = runner.signalOf('b')!;
    await runner.finish('a', 'failed');
    const outcomes = await done;
    expect(bSignal.aborted).toBe(true);
    expect(outcomes.get('a')!.status).toBe('failed');
    expect(outcomes.get('b')).toEqual({ status: 'cancelled', reason: 'stopped by --fail-fast after a failed' });
    expect(outcomes.get('c')).toEqual({ status: 'cancelled', reason: 'stopped by --fail-fast after a failed' });
    expect(outcomes.get('d')!.status).toBe('cancelled');
    expect(runner.events).not.toContain('start c');
  });

  it('on abort, stops the running jobs, starts no more, and reports them cancelled', async () => {
    const controller = new AbortController();
    const { runner, done } = start([job('a'), job('b'), job('c'), job('d', 'a')], 2, { signal: controller.signal });
    await tick();
    const signals = ['a', 'b'].map((id) => runner.signalOf(id)!);
    controller.abort('interrupted');
    const outcomes = await done;
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect([...outcomes.values()]).toEqual(Array(4).fill({ status: 'cancelled', reason: 'interrupted' }));
    expect(runner.events.filter((e) => e.startsWith('start'))).toEqual(['start a', 'start b']);
  });

  it('keeps the result of a job that finished although it was asked to stop', async () => {
    const controller = new AbortController();
    const outcomes = await schedule({
      jobs: [job('a')],
      concurrency: 1,
      signal: controller.signal,
      run: async () => {
        controller.abort('interrupted');
        return 'succeeded';
      },
    });
    expect(outcomes.get('a')).toEqual({ status: 'succeeded', reason: null });
  });

  it('starts the job on the longest chain first when slots are short', async () => {
    // c has nothing after it; a heads a chain of three: a goes first although c is listed first.
    const { runner, done } = start([job('c'), job('a'), job('b', 'a'), job('z', 'b')], 1);
    await tick();
    expect(runner.running()).toEqual(['a']);
    await runner.finish('a');
    expect(runner.running()).toEqual(['b']);
    await runner.finish('b');
    // z and c now both end their chains: declaration order decides.
    expect(runner.running()).toEqual(['c']);
    await runner.finish('c');
    await runner.finish('z');
    await done;
  });

  it('finishes at once with no jobs, and ignores dependencies outside the job list', async () => {
    expect((await schedule({ jobs: [], concurrency: 3, run: async () => 'succeeded' })).size).toBe(0);
    const outcomes = await schedule({ jobs: [job('a', 'not-selected')], concurrency: 1, run: async () => 'succeeded' });
    expect(outcomes.get('a')!.status).toBe('succeeded');
  });

  it('rejects with the error of a runner that throws, after the running jobs settle', async () => {
    let otherSettled = false;
    const p = schedule({
      jobs: [job('bad'), job('other')],
      concurrency: 2,
      run: async (id, signal) => {
        if (id === 'bad') throw new Error('bug');
        await new Promise((r) => signal.addEventListener('abort', r));
        otherSettled = true;
        return 'cancelled';
      },
    });
    await expect(p).rejects.toThrow('bug');
    expect(otherSettled).toBe(true);
  });
});
