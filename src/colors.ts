// Terminal colours (picocolors) for the commands that print them. picocolors probes process.stdout
// when it loads, which costs start-up time on every run: it is loaded only when colour is on.
export type Colors = ReturnType<typeof import('picocolors').createColors>;

/** Colour functions, or functions that return their input unchanged when `enabled` is false. */
export function colors(enabled: boolean): Colors {
  if (enabled) {
    const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
    return (require('picocolors') as typeof import('picocolors')).createColors(true);
  }
  const plain = (s: string | number | null | undefined) => String(s);
  return new Proxy({} as Colors, { get: (_t, key) => (key === 'isColorSupported' ? false : plain) });
}
