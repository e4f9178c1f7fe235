import { defineRule } from '../src/types.ts';
import { staleCopiesBefore } from '../src/layer-order.ts';
import { commandLabel } from '../src/rule-helpers.ts';
import { installFirstFix } from '../src/fix/layer-order.ts';

export default defineRule({
  meta: {
    code: 'DO103',
    name: 'local-packages-after-code',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: 'Local packages are installed after copying code the install does not use (for example the handler).',
      rationale:
        'Installing shared local packages (`pip install /tmp/receipt_dynamo`) after `COPY handler.py` re-runs that install whenever the handler changes, which is the most frequent change of all. Copy and install the local packages first, and copy the frequently changing code last.',
      bad: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCMD ["handler.main"]\n',
      good: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCMD ["handler.main"]\n',
    },
  },
  create(context) {
    return {
      stageEnd(stage) {
        const pathInstall = (inputs: string[] | null) => inputs !== null && inputs.length > 0 && !inputs.some((i) => i === '.' || i === './');
        for (const s of staleCopiesBefore(stage.instructions, (u) => !u.fromManifests && pathInstall(u.inputs))) {
          context.report({
            message: `${s.copy.keywordText} of ${s.extraSources.join(', ')} comes before \`${commandLabel(s.use.command)}\` of local packages on line ${s.install.line + 1}, which does not use it: every change to it re-installs ${s.use.inputs!.join(', ')}. Copy and install the local packages first, then copy this.`,
            at: s.copy,
            fix: installFirstFix(context.model, s),
          });
        }
      },
    };
  },
});
