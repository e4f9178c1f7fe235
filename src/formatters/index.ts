// Formatters are pure functions from a lint result to text, looked up by name.
import type { LintResult } from '../lint.ts';
import { stylish } from './stylish.ts';
import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { checkstyle } from './checkstyle.ts';
import { github } from './github.ts';
import { codeclimate } from './codeclimate.ts';
import { junit } from './junit.ts';

export interface FormatOptions {
  color: boolean;
  /** Tool version for formats that record it. */
  version: string;
  /** Working directory (for absolute URIs in SARIF). */
  cwd: string;
  /** Show only errors (--quiet): formatters receive already filtered results; this tells them why. */
  quiet?: boolean;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;

export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, checkstyle, github, codeclimate, junit };
export const FORMAT_NAMES = Object.keys(FORMATTERS);
