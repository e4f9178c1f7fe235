// hadolint's label schema (config `labelSchema`, `.hadolint.yaml` `label-schema`): which labels an
// image must carry and what their values must look like. Used by the DO328-DO337 rules.
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import spdxDeprecated from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import { unquote, type Instruction } from './model.ts';
import type { RuleContext, RuleVisitor } from './types.ts';

export interface LabelPair {
  key: string;
  /** Value with quotes removed and known variables substituted (raw text when one is unknown). */
  value: string;
  keyStart: number;
  keyEnd: number;
  /** The whole `key=value` text. */
  start: number;
  end: number;
}

/** The labels a LABEL instruction sets (`LABEL a=1 "b"="2"`, and the legacy `LABEL key some value`). */
export function labelPairs(inst: Instruction, expand: (value: string) => string | null): LabelPair[] {
  const args = inst.args;
  if (args.length === 0) return [];
  const value = (raw: string) => {
    const v = unquote(raw);
    return expand(v) ?? v;
  };
  if (!args[0].value.includes('=')) {
    const rest = args.slice(1);
    return [{
      key: unquote(args[0].value),
      value: value(rest.map((w) => w.value).join(' ')),
      keyStart: args[0].start,
      keyEnd: args[0].end,
      start: args[0].start,
      end: (rest[rest.length - 1] ?? args[0]).end,
    }];
  }
  return args.map((w) => {
    const eq = w.value.indexOf('=');
    const key = eq === -1 ? w.value : w.value.slice(0, eq);
    return { key: unquote(key), value: eq === -1 ? '' : value(w.value.slice(eq + 1)), keyStart: w.start, keyEnd: w.start + key.length, start: w.start, end: w.end };
  });
}

// Built on first use: most lint runs have no label schema.
let spdx: Set<string> | null = null;
const isSpdx = (v: string) => (spdx ??= new Set([...spdxIds, ...spdxDeprecated].map((id) => id.toLowerCase()))).has(v.toLowerCase());
// semver.org's regular expression.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
// RFC 5322 addr-spec: dot-atom or quoted local part, dot-atom domain or domain literal.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const EMAIL = new RegExp(`^(?:${ATEXT}+(?:\\.${ATEXT}+)*|"(?:[^"\\\\]|\\\\.)*")@(?:${ATEXT}+(?:\\.${ATEXT}+)*|\\[[^\\[\\]\\\\]*\\])$`);

function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 60 && (m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59));
}

/** Value checks per schema type; `text` accepts anything. */
export const LABEL_FORMATS: Record<string, { test: (value: string) => boolean; expected: string }> = {
  url: { test: (v) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(v) && URL.canParse(v), expected: 'a URL (RFC 3986), e.g. https://example.com/app' },
  rfc3339: { test: isRfc3339, expected: 'an RFC 3339 time, e.g. 2024-05-01T12:00:00Z' },
  spdx: { test: isSpdx, expected: 'an SPDX license identifier, e.g. MIT or Apache-2.0' },
  hash: { test: (v) => /^([0-9a-f]{7}|[0-9a-f]{40})$/.test(v), expected: 'a git commit hash (7 or 40 lower-case hex digits)' },
  semver: { test: (v) => SEMVER.test(v), expected: 'a semantic version, e.g. 1.2.3' },
  email: { test: (v) => EMAIL.test(v), expected: 'an e-mail address (RFC 5322)' },
};

/** A rule body that checks the values of labels whose schema type is `type`. */
export function labelFormatCheck(context: RuleContext, type: keyof typeof LABEL_FORMATS): RuleVisitor {
  const schema = context.settings.labelSchema ?? {};
  const keys = new Set(Object.keys(schema).filter((k) => schema[k] === type));
  if (keys.size === 0) return {};
  const { test, expected } = LABEL_FORMATS[type];
  const { model } = context;
  return {
    LABEL(inst) {
      for (const p of labelPairs(inst, (v) => model.expand(v, inst))) {
        if (!keys.has(p.key) || p.value === '' || test(p.value)) continue;
        const dynamic = /\$/.test(p.value) ? ' (a value set at build time needs the type `text` in the schema)' : '';
        context.report({ message: `Label "${p.key}" is "${p.value}", not ${expected}${dynamic}.`, at: { start: p.start, end: p.end } });
      }
    },
  };
}
