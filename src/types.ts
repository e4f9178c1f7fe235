// Shared types of the rule engine: what a rule is, what it reports, and what a fix looks like.
import type { DockerfileModel, Instruction, Stage } from './model.ts';
import type { BuildContext } from './context/facts.ts';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
/** Higher is more severe; used for thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { style: 0, info: 1, warning: 2, error: 3 };

export type Category =
  | 'performance' // build speed: caching, layer order, context
  | 'correctness' // the build fails or does something else than intended
  | 'best-practice'
  | 'security'
  | 'context'
  | 'style';

export type Applicability = 'safe' | 'unsafe';

/** A text edit on the file as read (offsets are JS string indices into the full text, BOM included). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  applicability: Applicability;
  /** Short imperative description, e.g. "Add a pip cache mount". */
  description: string;
  edits: Edit[];
}

export interface Position {
  /** 0-based offset into the text. */
  start: number;
  end: number;
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  /** 1-based, for people. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets, for tools (fix engine, baseline). */
  start: number;
  end: number;
  fix: Fix | null;
}

export interface RuleDocs {
  /** One sentence: what the rule finds. */
  summary: string;
  /** Why it matters. Markdown. */
  rationale: string;
  /** A Dockerfile that triggers the rule (a test checks it does). */
  bad: string;
  /** The same Dockerfile written well (a test checks it does not trigger). */
  good: string;
  /** Config settings both examples are linted with (e.g. a label schema), when the rule needs them. */
  settings?: LintSettings;
  /**
   * Build contexts the examples are linted with, for rules that need one: listings of path → file
   * content or size in bytes (a `.dockerignore` in them applies). `good` defaults to `bad`.
   */
  context?: { bad: Record<string, string | number>; good?: Record<string, string | number> };
}

export type FixAvailability = 'never' | 'sometimes' | 'always';

export interface RuleMeta {
  /** Permanent code, e.g. DO101. Never reused. */
  code: string;
  /** kebab-case name, e.g. missing-cache-mount. */
  name: string;
  category: Category;
  severity: Severity;
  status: 'stable' | 'preview';
  fixable: FixAvailability;
  /** hadolint codes this rule covers (DLxxxx); their pragmas suppress it. */
  hadolint?: string[];
  /** Docker build check names this rule covers; `# check=skip=` suppresses it. */
  buildkit?: string[];
  /** Rules off by default (opinionated or noisy) set this to false. */
  enabledByDefault?: boolean;
  /** The rule reads `settings.buildContext`: lint walks the build context only when such a rule is on. */
  needsBuildContext?: boolean;
  docs: RuleDocs;
}

export interface ReportDescriptor {
  message: string;
  /** Offsets to underline; defaults to the instruction's range. */
  at?: Position | Instruction;
  /** Severity override for this finding (e.g. error when the file needs it, else warning). */
  severity?: Severity;
  fix?: Fix | null;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  /** Per-rule options from the config (`rules: {CODE: {options: ...}}`) and global settings. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: LintSettings;
  report(descriptor: ReportDescriptor): void;
}

/** Settings the whole lint run shares (from config), visible to rules read-only. */
export interface LintSettings {
  trustedRegistries?: string[];
  /** The Dockerfile's build context, when lint knows it (a directory, or a listing in docs and tests). */
  buildContext?: BuildContext;
  /** Labels the image must carry and the format of each value (hadolint's `label-schema`). */
  labelSchema?: Record<string, string>;
  /** Report labels the schema does not name (hadolint's `strict-labels`). */
  strictLabels?: boolean;
}

export type InstructionKeyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY' | 'ENTRYPOINT'
  | 'VOLUME' | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL';

/**
 * A rule subscribes to instructions by keyword (upper case), or to every instruction with
 * `instruction`. `stageEnd` fires after the last instruction of each stage, `end` once at the
 * end of the file: rules that need later facts decide there. ONBUILD triggers are not dispatched
 * on their own: they hang off their ONBUILD as `inst.trigger`.
 */
export type RuleVisitor = { [K in InstructionKeyword]?: (inst: Instruction) => void } & {
  begin?(): void;
  instruction?(inst: Instruction): void;
  stageEnd?(stage: Stage): void;
  end?(): void;
};

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleVisitor;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
