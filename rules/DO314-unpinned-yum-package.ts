import { defineRule } from '../src/types.ts';
import { everyRun } from '../src/run-helpers.ts';
import { reportUnpinnedRpm } from '../src/rpm-tools.ts';

export default defineRule({
  meta: {
    code: 'DO314',
    name: 'unpinned-yum-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3033'],
    docs: {
      summary: '`yum install` names packages without a version (`httpd` instead of `httpd-2.4.6`); `yum module install` names a module without a stream.',
      rationale:
        'Without a version the build installs whatever the repository has that day, so two builds of the same Dockerfile can differ. Repositories drop old versions, though, so exact pins break builds; this rule is off by default. Pin the base image by digest for reproducibility and turn this rule on where you build from a snapshot or an internal mirror.',
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
  },
  create(context) {
    return everyRun((inst) => reportUnpinnedRpm(context, inst, new Set(['yum'])));
  },
});
