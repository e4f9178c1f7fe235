// The library API: the same functions the CLI uses, returning data.
export { lintFiles, lintText, lintModel, settingsForFile, defaultSettings, rules, type LintResult, type LintOptions, type FileResult, type LintSummary } from './lint.ts';
export { parseDockerfile, type DockerfileModel, type Instruction, type Stage } from './model.ts';
export { loadConfig, findConfig, type DockoptConfig, type LoadedConfig } from './config.ts';
export { FORMATTERS, type Formatter } from './formatters/index.ts';
export { DockoptError } from './errors.ts';
export type { Finding, Fix, Edit, Rule, RuleMeta, Severity } from './types.ts';
