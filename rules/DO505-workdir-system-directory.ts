import { defineRule } from '../src/types.ts';
import { posix } from 'node:path';

// Directories the operating system owns. `/` and `/root` are left out: common and not shared with
// system files in the same way.
const SYSTEM_DIRS = new Set([
  '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/dev', '/etc', '/proc', '/sys', '/run',
  '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib32', '/usr/lib64', '/usr/libexec', '/usr/include', '/usr/share',
  '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/var', '/var/lib', '/var/run',
]);
const SYSTEM_TREES = ['/proc/', '/sys/', '/dev/', '/boot/'];

export default defineRule({
  meta: {
    code: 'DO505',
    name: 'workdir-system-directory',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'WORKDIR is a system directory such as /usr/bin, /etc or /lib.',
      rationale:
        'Everything that follows runs and writes there: `COPY . .` puts the whole build context among system binaries or libraries, where it can replace or shadow them and where package updates may overwrite it. Work in a directory of your own (`/app`, `/src`, `/opt/<name>`).',
      bad: 'FROM alpine:3.20\nWORKDIR /usr/bin\nCOPY . .\n',
      good: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      WORKDIR(inst) {
        const arg = inst.args[0];
        if (!arg) return;
        const value = model.expand(arg.value.replace(/^["']|["']$/g, ''), inst);
        if (!value || !value.startsWith('/')) return;
        const dir = posix.normalize(value).replace(/(.)\/+$/, '$1');
        if (!SYSTEM_DIRS.has(dir) && !SYSTEM_TREES.some((t) => dir.startsWith(t))) return;
        context.report({
          message: `WORKDIR ${dir} is a system directory: files copied or created next would mix with the operating system's. Use a directory of your own, such as /app.`,
          at: arg,
        });
      },
    };
  },
});
