// The library API: the same functions the CLI uses, returning data.
export { lintFiles, lintText, lintModel, settingsForFile, defaultSettings, rules, type LintResult, type LintOptions, type FileResult, type LintSummary } from './lint.ts';
export { parseDockerfile, type DockerfileModel, type Instruction, type Stage } from './model.ts';
export { loadConfig, findConfig, type DockoptConfig, type LoadedConfig } from './config.ts';
export { FORMATTERS, type Formatter } from './formatters/index.ts';
export { DockoptError } from './errors.ts';
export type { Finding, Fix, Edit, Rule, RuleMeta, Severity } from './types.ts';
export { planBuild, runBuild, jsonReport as buildJsonReport, readImagesFile, type BuildOptions, type RunOptions, type BuildPlan, type BuildReport, type TargetResult, type BuildEvent, type TargetSpec, type ImagesFile } from './build/index.ts';
export { walkContext, DockerIgnore, contextReads, analyzeContext, virtualBuildContext, type WalkResult, type WalkOptions, type ContextEntry, type ContextReads, type ContextReportJson } from './context/index.ts';
export { fixText, FixConvergenceError, type FixOptions, type FixTextResult, type AppliedFix, type RejectedFix, type Rewrite } from './fix/engine.ts';
export { fixFiles, type FixResult, type FixFilesOptions, type FileFixResult, type FixSummary } from './fix/files.ts';
export { multistageRewrite } from './fix/multistage.ts';
export { discoverImages, type DiscoveredImage, type Discovery, type DiscoveryWarning } from './iac/discover.ts';
export { listTargets, type TargetListing } from './commands/targets.ts';
