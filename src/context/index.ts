// Build context analysis: the public surface (walker, .dockerignore matcher, reads, report).
export { walkContext, findIgnoreFile, type WalkResult, type WalkOptions, type ContextEntry, type ExcludedEntry, type EntryType, type WalkProblem, type WalkFs } from './walk.ts';
export { DockerIgnore, InvalidPatternError, cleanPath, type IgnorePattern } from './ignore.ts';
export { contextReads, contextAnchor, type ContextRead, type ContextReads } from './reads.ts';
export { BuildContext, virtualBuildContext, formatBytes, DEFAULT_LIMITS, type ContextLimits, type TreeNode } from './facts.ts';
export { analyzeContext, compareBytewise, type ContextAnalysis, type ContextReportJson, type LargestPath } from './report.ts';
