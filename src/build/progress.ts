// Reading BuildKit's `--progress=plain` output: which Dockerfile steps ran, which came from the
// cache, how long each took, and the error that failed the build. The same format comes from
// `docker build`, `docker buildx build` and `buildctl build`.

export interface StepRecord {
  /** `[2/4] RUN pip install ...` as BuildKit names the vertex. */
  name: string;
  cached: boolean;
  /** Seconds BuildKit reported, or null when it did not finish. */
  seconds: number | null;
  error: string | null;
}

// Dockerfile steps are named `[2/4] RUN x`, `[stage-1 2/4] COPY a b`, `[base 1/3] FROM ...`.
const STEP_NAME = /^\[(?:[^\]]*\s)?\d+\/\d+\]\s+(\S+)/;
const STATUS = /^#(\d+) (CACHED|DONE (\d+(?:\.\d+)?)s|ERROR:? ?(.*)|CANCELED)\s*$/;
const VERTEX_LINE = /^#(\d+) (.*)$/;

interface Vertex {
  name: string;
  step: boolean;
  cached: boolean;
  seconds: number | null;
  error: string | null;
  done: boolean;
}

export class PlainProgress {
  private readonly vertices = new Map<string, Vertex>();
  private readonly order: string[] = [];
  private lastActive: string | null = null;
  /** Error lines outside any vertex (`error: failed to solve: ...`, `ERROR: ...`). */
  readonly errors: string[] = [];

  /** Feed one output line. */
  push(line: string): void {
    const text = line.replace(/\r$/, '');
    const status = STATUS.exec(text);
    if (status) {
      const v = this.vertices.get(status[1]);
      if (!v) return;
      if (status[2] === 'CACHED') v.cached = true;
      else if (status[3] !== undefined) v.seconds = Number(status[3]);
      else if (status[2].startsWith('ERROR')) v.error = status[4] || 'error';
      v.done = true;
      return;
    }
    const vertexLine = VERTEX_LINE.exec(text);
    if (vertexLine) {
      // The first line of a vertex names it; BuildKit repeats the name when it switches back.
      const id = vertexLine[1];
      if (!this.vertices.has(id)) {
        const kind = STEP_NAME.exec(vertexLine[2]);
        this.vertices.set(id, { name: vertexLine[2], step: kind !== null && kind[1].toUpperCase() !== 'FROM', cached: false, seconds: null, error: null, done: false });
        this.order.push(id);
      }
      this.lastActive = id;
      return;
    }
    if (/^(error:|ERROR:|failed to solve|executor failed)/i.test(text.trim())) this.errors.push(text.trim());
  }

  /** Dockerfile steps (FROM excluded), in the order BuildKit started them. */
  get steps(): StepRecord[] {
    return this.order
      .map((id) => this.vertices.get(id)!)
      .filter((v) => v.step)
      .map((v) => ({ name: v.name, cached: v.cached, seconds: v.seconds, error: v.error }));
  }

  /** The step running now (the latest one that printed and has not finished), for live progress. */
  get current(): string | null {
    if (this.lastActive) {
      const v = this.vertices.get(this.lastActive)!;
      if (!v.done) return v.name;
    }
    for (let i = this.order.length - 1; i >= 0; i--) {
      const v = this.vertices.get(this.order[i])!;
      if (!v.done) return v.name;
    }
    return null;
  }

  /** Every vertex that reported an error, with its name: `[2/3] RUN make: exit code: 2`. */
  get vertexErrors(): { name: string; error: string }[] {
    return this.order.map((id) => this.vertices.get(id)!).filter((v) => v.error !== null).map((v) => ({ name: v.name, error: v.error! }));
  }

  /** One line saying why the build failed. */
  failureReason(): string | null {
    const failed = this.vertexErrors.find((e) => !/^(context )?canceled$/i.test(e.error)) ?? this.vertexErrors[0];
    if (failed) return `${failed.name}: ${shortenExecutorError(failed.error)}`;
    const last = this.errors[this.errors.length - 1];
    return last ? last.replace(/^(error|ERROR):\s*/, '') : null;
  }
}

/** `executor failed running [/bin/sh -c x]: exit code: 3` says the command twice; keep the code. */
function shortenExecutorError(error: string): string {
  const m = /^(?:executor failed running|process) .*(?:exit code|did not complete successfully): ?(?:exit code: )?(\d+)\s*$/.exec(error);
  return m ? `exit code ${m[1]}` : error;
}

/** The slowest steps that ran (cache hits excluded), longest first. */
export function slowestSteps(steps: readonly StepRecord[], count: number): StepRecord[] {
  return steps
    .filter((s) => !s.cached && s.seconds !== null)
    .sort((a, b) => b.seconds! - a.seconds!)
    .slice(0, count);
}
