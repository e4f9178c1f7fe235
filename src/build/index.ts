// The build library API: plan and run builds, returning data (the CLI prints it).
export { planBuild, defaultJobs, type BuildOptions, type BuildPlan, type PlannedTarget, type BuildSettings } from './plan.ts';
export { runBuild, type RunOptions, type BuildReport, type TargetResult, type TargetStatus, type BuildEvent } from './run.ts';
export { jsonReport, textSummary, planText } from './report.ts';
export { buildCommands, BUILDER_NAMES, type BuilderName, type BuildRequest } from './builders.ts';
export { readImagesFile, type ImagesFile, type ImageRecord } from './state.ts';
export type { TargetSpec, Target } from './targets.ts';
