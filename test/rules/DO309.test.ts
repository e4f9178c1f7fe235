import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3026: use only an allowed registry in the FROM image.
describe('DO309 untrusted-registry', () => {
  const settings = { trustedRegistries: ['docker.io', 'my-company.com:5000', '*.gcr.io'] };
  ruleCases('DO309', [
    { name: 'hadolint example', text: 'FROM randomguy/python:3.12\n', findings: [], settings: { trustedRegistries: ['docker.io'] } },
    { name: 'hadolint example: untrusted', text: 'FROM quay.io/randomguy/python:3.12\n', findings: [[1, 6]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM my-company.com:5000/python:3.12\n', findings: [], settings },
    { name: 'wildcards', text: 'FROM eu.gcr.io/project/app:1\n', findings: [], settings },
    { name: 'Docker Hub needs docker.io', text: 'FROM python:3.12\n', findings: [[1, 6]], settings: { trustedRegistries: ['ghcr.io'] }, message: /Docker Hub/ },
    { name: 'scratch and stage names are not images', text: 'FROM ghcr.io/a/b:1 AS base\nFROM base\nFROM scratch\n', findings: [], settings: { trustedRegistries: ['ghcr.io'] } },
    { name: 'without trustedRegistries nothing is checked', text: 'FROM quay.io/a/b:1\n', findings: [] },
  ]);
});
