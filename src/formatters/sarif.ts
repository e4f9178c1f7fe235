import { pathToFileURL } from 'node:url';
import type { Formatter } from './index.ts';
import { rules } from '../../rules/index.ts';
import { fingerprint } from './fingerprint.ts';
import type { Severity } from '../types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export const sarif: Formatter = (result, options) => {
  const used = new Set(result.files.flatMap((f) => f.findings.map((x) => x.code)));
  const driverRules = rules.filter((r) => used.has(r.meta.code));
  const index = new Map(driverRules.map((r, i) => [r.meta.code, i]));
  const results = result.files.flatMap((f) =>
    f.findings.map((x) => ({
      ruleId: x.code,
      ruleIndex: index.get(x.code) ?? 0,
      level: LEVEL[x.severity],
      message: { text: x.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.path), ...(f.path.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
            region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
          },
        },
      ],
      partialFingerprints: { 'dockopt/v1': fingerprint(f.path, x, f.text) },
    })),
  );
  const notifications = result.files
    .filter((f) => f.error)
    .map((f) => ({
      level: 'error' as const,
      message: { text: `${f.path}: ${f.error}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.path) } } }],
    }));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockopt',
            version: options.version,
            informationUri: 'https://github.com/dockopt/dockopt',
            rules: driverRules.map((r) => ({
              id: r.meta.code,
              name: r.meta.name,
              shortDescription: { text: r.meta.docs.summary },
              fullDescription: { text: r.meta.docs.rationale },
              help: { text: `${r.meta.docs.rationale}\n\nRun \`dockopt explain ${r.meta.code}\` for examples.` },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { category: r.meta.category, tags: [r.meta.category] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(options.cwd).href}/` } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
