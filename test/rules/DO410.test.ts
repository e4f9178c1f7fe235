import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's InvalidDefinitionDescription (experimental): https://docs.docker.com/reference/build-checks/invalid-definition-description/
describe('DO410 invalid-definition-description', () => {
  ruleCases('DO410', [
    {
      name: 'docs: non-descriptive comments right above FROM and ARG',
      text: '# a non-descriptive comment\nFROM scratch AS base\n\n# another non-descriptive comment\nARG VERSION=1\n',
      findings: [[1, 1], [4, 1]],
      message: /"# (base|VERSION) <description>"/,
    },
    { name: 'docs: separated by an empty line', text: '# a non-descriptive comment\n\nFROM scratch AS base\n\n# another non-descriptive comment\n\nARG VERSION=1\n', findings: [] },
    { name: 'docs: descriptions', text: '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n', findings: [] },
    { name: 'a FROM without a name has no description', text: '# just a comment\nFROM scratch\n', findings: [] },
    { name: 'several ARG keys', text: '# versions\nARG A=1 B=2\n', findings: [[1, 1]], message: /<arg_key>/ },
    { name: 'pragmas and directives are not descriptions', text: '# syntax=docker/dockerfile:1\n# hadolint ignore=DL3006\nFROM scratch AS base\n', findings: [] },
    { name: 'an empty # line ends the block', text: '# not a description\n#\n# base builds things\nFROM scratch AS base\n', findings: [] },
  ]);
});
