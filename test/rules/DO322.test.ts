import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3042: pip install --no-cache-dir; dockopt also accepts (and recommends) a cache mount.
describe('DO322 pip-cache-kept', () => {
  ruleCases('DO322', [
    {
      name: 'hadolint example',
      text: 'FROM python:3.12\nRUN pip install django==5.1\n',
      findings: [[2, 5]],
      fixed: 'FROM python:3.12\nRUN pip install --no-cache-dir django==5.1\n',
      message: /--mount=type=cache,target=\/root\/\.cache\/pip/,
    },
    { name: 'hadolint example, correct', text: 'FROM python:3.12\nRUN pip install --no-cache-dir django==5.1\n', findings: [] },
    { name: 'PIP_NO_CACHE_DIR', text: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install django==5.1\n', findings: [] },
    { name: 'PIP_NO_CACHE_DIR on the command', text: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=true pip install django==5.1\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install django==5.1\n', findings: [] },
    {
      name: 'the cache follows the user',
      text: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install --user django==5.1\n',
      findings: [[3, 48]],
      message: /target=\/home\/app\/\.cache\/pip/,
    },
    {
      name: 'python -m pip',
      text: 'FROM python:3.12\nRUN python3 -m pip install -r requirements.txt\n',
      findings: [[2, 5]],
      fixed: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -r requirements.txt\n',
    },
    { name: 'deleting the cache', text: 'FROM python:3.12\nRUN pip install x==1 && rm -rf ~/.cache/pip\n', findings: [] },
    { name: 'pipenv and pipx are other tools', text: 'FROM python:3.12\nRUN pipenv install && pipx install black==24.1\n', findings: [] },
  ]);
});
