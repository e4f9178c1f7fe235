import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3030: use -y with yum install.
describe('DO312 yum-missing-yes', () => {
  ruleCases('DO312', [
    {
      name: 'hadolint example',
      text: 'FROM centos:7\nRUN yum install httpd-2.24.2 && yum clean all\n',
      findings: [[2, 5]],
      fixed: 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n',
    },
    { name: 'hadolint example, correct', text: 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n', findings: [] },
    { text: 'FROM centos:7\nRUN yum --assumeyes groupinstall "Development Tools"\n', findings: [] },
    { text: 'FROM centos:7\nRUN yum -q -y install x-1.0\n', findings: [] },
    { name: 'bundled -qy', text: 'FROM centos:7\nRUN yum -qy install x-1.0\n', findings: [] },
    {
      name: 'module install',
      text: 'FROM centos:8\nRUN yum module install nodejs:14\n',
      findings: [[2, 5]],
      fixed: 'FROM centos:8\nRUN yum module install -y nodejs:14\n',
    },
    { name: 'makecache and clean do not ask', text: 'FROM centos:7\nRUN yum makecache && yum clean all\n', findings: [] },
  ]);
});
