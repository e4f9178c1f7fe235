import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO107 force-reinstall', () => {
  ruleCases('DO107', [
    { name: 'pip install --force-reinstall of a local package', text: 'FROM my-base:1\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install --force-reinstall /tmp/receipt_dynamo\n', findings: [[3, 17]], message: /`pip install --force-reinstall` reinstalls packages the base image may already have/ },
    { name: '--ignore-installed', text: 'FROM my-base:1\nRUN pip3 install --ignore-installed requests\n', findings: [[2, 18]] },
    { name: '-I', text: 'FROM my-base:1\nRUN pip install -I requests\n', findings: [[2, 17]] },
    { name: 'python -m pip', text: 'FROM my-base:1\nRUN python3 -m pip install --no-deps --force-reinstall /tmp/pkg\n', findings: [[2, 38]] },
    { name: 'uninstall, then install the same package', text: 'FROM my-base:1\nRUN pip uninstall -y receipt-dynamo && pip install receipt-dynamo\n', findings: [[2, 52]], message: /receipt-dynamo is uninstalled and installed again in the same RUN/ },
    { name: 'uninstall and reinstall, names in any case', text: 'FROM my-base:1\nRUN pip uninstall -y Flask; pip install flask==3.0 flask\n', findings: [[2, 52]] },

    { name: 'a plain install', text: 'FROM my-base:1\nRUN pip install /tmp/receipt_dynamo\n', findings: [] },
    { name: 'an upgrade', text: 'FROM my-base:1\nRUN pip install --upgrade pip\n', findings: [] },
    { name: 'uninstall of another package', text: 'FROM my-base:1\nRUN pip uninstall -y setuptools && pip install flask\n', findings: [] },
    { name: 'uninstall and install in separate RUNs', text: 'FROM my-base:1\nRUN pip uninstall -y flask\nRUN pip install flask\n', findings: [] },
    { name: 'other tools\' force flags', text: 'FROM node:22\nRUN npm install --force && apt-get install -y --reinstall curl\n', findings: [] },
    { name: 'the flag mentioned in an echo', text: 'FROM my-base:1\nRUN echo "pip install --force-reinstall x"\n', findings: [] },
  ]);
});
