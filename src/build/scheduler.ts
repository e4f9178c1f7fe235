// Runs a dependency graph of jobs with at most N at once. A job starts as soon as all its
// dependencies have succeeded; a failure cancels everything that depends on it, and the rest go on
// (or, with failFast, everything stops). Aborting the signal stops running jobs and starts no more.
// Pure scheduling: what a job does is the caller's `run`.

export interface Job {
  id: string;
  /** Ids of jobs that must succeed first (ids outside the job list are ignored). */
  deps: readonly string[];
}

export type JobStatus = 'succeeded' | 'failed' | 'cancelled';

export interface JobOutcome {
  status: JobStatus;
  /** For cancelled jobs: why (`dependency X failed`, `interrupted`, ...). */
  reason: string | null;
}

export interface ScheduleOptions {
  jobs: readonly Job[];
  concurrency: number;
  failFast?: boolean;
  signal?: AbortSignal;
  /**
   * Do the job. Its signal aborts when the job must stop (interrupt, fail-fast); it then settles
   * as soon as it can, with 'cancelled' unless it had already finished.
   */
  run: (id: string, signal: AbortSignal) => Promise<JobStatus>;
  onStart?: (id: string) => void;
  onFinish?: (id: string, outcome: JobOutcome) => void;
}

/** Run all jobs; resolves with every job's outcome, keyed by id, in job order. */
export async function schedule(options: ScheduleOptions): Promise<Map<string, JobOutcome>> {
  const { jobs, failFast = false, signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const ids = new Set(jobs.map((j) => j.id));
  const order = new Map(jobs.map((j, i) => [j.id, i]));
  const deps = new Map(jobs.map((j) => [j.id, [...new Set(j.deps)].filter((d) => ids.has(d) && d !== j.id)]));
  const dependents = new Map<string, string[]>(jobs.map((j) => [j.id, []]));
  for (const [id, ds] of deps) for (const d of ds) dependents.get(d)!.push(id);
  const priority = criticalPathLengths(jobs.map((j) => j.id), dependents);

  const outcomes = new Map<string, JobOutcome>();
  const waitingOn = new Map([...deps].map(([id, ds]) => [id, ds.length]));
  const ready: string[] = jobs.filter((j) => waitingOn.get(j.id) === 0).map((j) => j.id);
  const running = new Map<string, AbortController>();
  let stopReason: string | null = null;
  let crash: { error: unknown } | null = null;

  return new Promise((resolveAll, rejectAll) => {
    const finish = (id: string, outcome: JobOutcome) => {
      if (outcomes.has(id)) return;
      outcomes.set(id, outcome);
      options.onFinish?.(id, outcome);
    };
    const cancelDependents = (id: string, reason: string) => {
      for (const d of dependents.get(id)!) {
        if (outcomes.has(d) || running.has(d)) continue;
        finish(d, { status: 'cancelled', reason });
        cancelDependents(d, reason);
      }
    };
    const stopAll = (reason: string) => {
      if (stopReason !== null) return;
      stopReason = reason;
      ready.length = 0;
      for (const controller of running.values()) controller.abort(reason);
    };
    const settleIfDone = () => {
      if (running.size > 0) return;
      if (stopReason !== null || ready.length === 0) {
        for (const j of jobs) if (!outcomes.has(j.id)) finish(j.id, { status: 'cancelled', reason: stopReason ?? 'not started' });
        if (crash) rejectAll(crash.error);
        else resolveAll(new Map(jobs.map((j) => [j.id, outcomes.get(j.id)!])));
      }
    };
    const onAbort = () => stopAll(typeof signal?.reason === 'string' ? signal.reason : 'interrupted');
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });

    const pump = () => {
      while (stopReason === null && running.size < concurrency && ready.length > 0) {
        ready.sort((a, b) => priority.get(b)! - priority.get(a)! || order.get(a)! - order.get(b)!);
        const id = ready.shift()!;
        const controller = new AbortController();
        running.set(id, controller);
        options.onStart?.(id);
        let result: Promise<JobStatus>;
        try {
          result = options.run(id, controller.signal);
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(
          (status) => done(id, status, controller),
          (error: unknown) => {
            crash ??= { error };
            done(id, 'failed', controller);
            stopAll('internal error');
          },
        );
      }
      if (running.size === 0) {
        signal?.removeEventListener('abort', onAbort);
        settleIfDone();
      }
    };
    const done = (id: string, status: JobStatus, controller: AbortController) => {
      running.delete(id);
      if (status === 'cancelled') {
        const reason = controller.signal.aborted ? String(controller.signal.reason ?? stopReason ?? 'cancelled') : 'cancelled';
        finish(id, { status, reason });
        // When everything stops, the others get the stop reason instead.
        if (stopReason === null) cancelDependents(id, `dependency ${id} was cancelled`);
      } else if (status === 'failed') {
        finish(id, { status, reason: null });
        cancelDependents(id, `dependency ${id} failed`);
        if (failFast) stopAll(`stopped by --fail-fast after ${id} failed`);
      } else {
        finish(id, { status, reason: null });
        for (const d of dependents.get(id)!) {
          const left = waitingOn.get(d)! - 1;
          waitingOn.set(d, left);
          if (left === 0 && !outcomes.has(d)) ready.push(d);
        }
      }
      pump();
    };
    pump();
  });
}

/** For each job, the number of jobs on its longest chain of dependents (itself included). */
function criticalPathLengths(ids: string[], dependents: Map<string, string[]>): Map<string, number> {
  const memo = new Map<string, number>();
  const length = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, 1); // guards against cycles, which the planner rejects anyway
    let best = 0;
    for (const d of dependents.get(id)!) best = Math.max(best, length(d));
    memo.set(id, best + 1);
    return best + 1;
  };
  for (const id of ids) length(id);
  return memo;
}
