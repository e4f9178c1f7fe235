import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO411',
    name: 'expose-proto-casing',
    category: 'style',
    severity: 'style',
    status: 'stable',
    fixable: 'always',
    buildkit: ['ExposeProtoCasing'],
    docs: {
      summary: 'The protocol in an EXPOSE port is not lower case (`80/TCP`).',
      rationale: 'Protocols are written `tcp`, `udp` and `sctp`. Docker accepts other casings, but tools that read the image configuration compare them as written. The fix lower-cases the protocol.',
      bad: 'FROM nginx:1.27\nEXPOSE 80/TcP\n',
      good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(inst) {
        for (const arg of inst.args) {
          const raw = model.text.slice(arg.start, arg.end);
          const slash = raw.lastIndexOf('/');
          if (slash === -1 || raw.includes('$')) continue;
          const proto = raw.slice(slash + 1);
          if (!/^[A-Za-z]+$/.test(proto) || proto === proto.toLowerCase()) continue;
          const start = arg.start + slash + 1;
          context.report({
            message: `Protocol "${proto}" in EXPOSE ${arg.value} should be lower case: ${raw.slice(0, slash + 1)}${proto.toLowerCase()}.`,
            at: { start, end: arg.end },
            fix: { applicability: 'safe', description: `Write ${proto.toLowerCase()}`, edits: [{ start, end: arg.end, text: proto.toLowerCase() }] },
          });
        }
      },
    };
  },
});
