import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain ESM script without types
import { renderValidator } from '../scripts/gen-config-validator.mjs';
import validate from '../src/generated/config-validator.js';

it('the committed config validator is generated from the current schema', () => {
  expect(readFileSync(new URL('../src/generated/config-validator.js', import.meta.url), 'utf8')).toBe(renderValidator());
});

it('validates like the schema says', () => {
  expect(validate({ rules: { DO101: 'off' }, ignore: ['a/**'] })).toBe(true);
  expect(validate({ rulez: {} })).toBe(false);
  expect(validate.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'rulez' } });
  expect(validate({ ignore: [''] })).toBe(false); // minLength, through ajv's runtime helper
});
