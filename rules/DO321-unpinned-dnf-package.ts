import { defineRule } from '../src/types.ts';
import { everyRun } from '../src/run-helpers.ts';
import { reportUnpinnedRpm } from '../src/rpm-tools.ts';

const DNF = new Set(['dnf', 'dnf5', 'tdnf', 'microdnf']);

export default defineRule({
  meta: {
    code: 'DO321',
    name: 'unpinned-dnf-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3041'],
    docs: {
      summary: '`dnf install` names packages without a version (`httpd` instead of `httpd-2.4.62`); `dnf module install` names a module without a stream.',
      rationale:
        'Without a version the build installs whatever the repository has that day, so two builds of the same Dockerfile can differ. Repositories drop old versions, though, so exact pins break builds; this rule is off by default. Pin the base image by digest for reproducibility and turn this rule on where you build from a snapshot or an internal mirror.',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
  },
  create(context) {
    return everyRun((inst) => reportUnpinnedRpm(context, inst, DNF));
  },
});
