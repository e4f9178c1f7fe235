import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO103 local-packages-after-code', () => {
  ruleCases('DO103', [
    { name: 'handler copied before a local package install', text: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCMD ["handler.main"]\n', findings: [[2, 1]], message: /COPY of handler\.py comes before `pip install` of local packages on line 4, which does not use it: every change to it re-installs \/tmp\/receipt_dynamo/ },
    { name: 'two local packages, code first', text: 'FROM python:3.12-slim\nCOPY app/ /app/\nCOPY libs/a /tmp/a\nCOPY libs/b /tmp/b\nRUN pip install /tmp/a /tmp/b\n', findings: [[2, 1]] },
    { name: 'a wheel installed after the code', text: 'FROM python:3.12-slim\nCOPY main.py /app/\nCOPY dist/app-1.0-py3-none-any.whl /tmp/\nRUN pip install /tmp/app-1.0-py3-none-any.whl\n', findings: [[2, 1]] },
    { name: 'an editable install of a subdirectory', text: 'FROM python:3.12-slim\nCOPY service.py /app/\nCOPY shared/ /app/shared/\nRUN pip install -e /app/shared\n', findings: [[2, 1]] },
    { name: 'npm install of a local package', text: 'FROM node:22-slim\nCOPY server.js /app/\nCOPY ./packages/util /app/util\nRUN npm install ./packages/util\n', findings: [[2, 1]] },

    { name: 'local packages first, then the handler', text: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCMD ["handler.main"]\n', findings: [] },
    { name: 'installing the current directory needs everything', text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install .\n', findings: [] },
    { name: 'installs from manifests are DO102, not DO103', text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n', findings: [] },
    { name: 'only the package is copied', text: 'FROM python:3.12-slim\nCOPY pkg/ /tmp/pkg/\nRUN pip install /tmp/pkg\n', findings: [] },
    { name: 'a download directory is not a local package', text: 'FROM python:3.12-slim\nCOPY . /template\nRUN pip install -r /template/requirements.txt && pip download --dest /tmp/cache -r /template/requirements.txt && pip wheel -w /wheels -r /template/requirements.txt\n', findings: [] },
    { name: 'a COPY from another stage', text: 'FROM python:3.12-slim AS build\nRUN pip wheel -w /wheels flask\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nCOPY pkg/ /tmp/pkg/\nRUN pip install /tmp/pkg\n', findings: [] },
  ]);
});
