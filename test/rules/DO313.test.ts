import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3032: yum clean all missing; dockopt also accepts (and recommends) a cache mount.
describe('DO313 yum-cache-kept', () => {
  ruleCases('DO313', [
    { name: 'hadolint example', text: 'FROM centos:7\nRUN yum install -y httpd-2.24.2\n', findings: [[2, 5]], noFix: true, message: /target=\/var\/cache\/yum,sharing=locked/ },
    { name: 'hadolint example, correct', text: 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum,sharing=locked yum install -y httpd-2.24.2\n', findings: [] },
    { name: 'rm of the cache', text: 'FROM centos:7\nRUN yum -y update && rm -rf /var/cache/yum\n', findings: [] },
    { name: 'clean in a later RUN is too late', text: 'FROM centos:7\nRUN yum install -y a-1\nRUN yum clean all\n', findings: [[2, 5]] },
  ]);
});
