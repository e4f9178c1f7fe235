import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3013: pin versions in pip.
describe('DO304 unpinned-pip-package', () => {
  ruleCases('DO304', [
    { name: 'hadolint example', text: 'FROM python:3.12\nRUN pip install django\n', findings: [[2, 17]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM python:3.12\nRUN pip install django==1.9\n', findings: [] },
    { name: 'hadolint example, correct: requirements file', text: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', findings: [] },
    { name: 'constraints', text: 'FROM python:3.12\nRUN pip install -c constraints.txt django\n', findings: [] },
    { text: 'FROM python:3.12\nRUN python -m pip install --upgrade pip \"setuptools>=70\"\n', findings: [[2, 37]], message: /of pip \(/ },
    { name: 'index url value is not a package', text: 'FROM python:3.12\nRUN pip3 install -i https://pypi.example.com/simple foo\n', findings: [[2, 53]] },
    { name: 'local paths, wheels and pinned VCS', text: 'FROM python:3.12\nRUN pip install . ./lib dist/app-1.0-py3-none-any.whl git+https://github.com/a/b@v1.0\n', findings: [] },
    { name: 'unpinned VCS', text: 'FROM python:3.12\nRUN pip install git+https://github.com/a/b\n', findings: [[2, 17]] },
    { name: 'pipx is not pip', text: 'FROM python:3.12\nRUN pipx install black\n', findings: [] },
    { name: 'ONBUILD trigger', text: 'FROM python:3.12\nONBUILD RUN pip install flask\n', findings: [[2, 25]] },
  ]);
});
