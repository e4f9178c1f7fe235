import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';
import { keyValues } from '../src/model.ts';

// The words BuildKit's check looks for in a variable name, separated by `_` or at the ends.
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)public(?:_|$)/i;
// Beyond BuildKit's list: GPG_KEY(S) holds public key fingerprints for verifying downloads (the
// official python images set it), never a secret.
const FINGERPRINT = /^(GPG|PGP)_KEYS?$/i;

export default defineRule({
  meta: {
    code: 'DO221',
    name: 'secret-in-arg-or-env',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3064'],
    buildkit: ['SecretsUsedInArgOrEnv'],
    docs: {
      summary: 'An ARG or ENV name suggests it holds a secret.',
      rationale: 'ARG and ENV values are stored in the image metadata and build history: anyone who can pull the image can read them. Pass secrets with `RUN --mount=type=secret` instead.',
      bad: 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN echo "$GITHUB_TOKEN" > /dev/null\n',
      good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN echo "$GITHUB_TOKEN" > /dev/null\n',
    },
  },
  create(context) {
    const check = (inst: Instruction) => {
      for (const kv of keyValues(inst)) {
        if (!SECRET.test(kv.key) || ALLOWED.test(kv.key) || FINGERPRINT.test(kv.key)) continue;
        context.report({
          message: `${inst.keywordText} "${kv.key}" looks like a secret: ARG and ENV values stay readable in the image. Use a secret mount (RUN --mount=type=secret) instead.`,
          at: { start: kv.keyStart, end: kv.keyEnd },
        });
      }
    };
    return { ARG: check, ENV: check };
  },
});
