import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's FromAsCasing: https://docs.docker.com/reference/build-checks/from-as-casing/
describe('DO401 from-as-casing', () => {
  ruleCases('DO401', [
    { name: 'docs: FROM upper, as lower', text: 'FROM debian:latest as builder\n', findings: [[1, 20]], fixed: 'FROM debian:latest AS builder\n' },
    { name: 'docs: both upper', text: 'FROM debian:latest AS deb-builder\n', findings: [] },
    { name: 'docs: both lower', text: 'from debian:latest as deb-builder\n', findings: [] },
    { name: 'from lower, AS upper', text: 'from scratch AS base\n', findings: [[1, 14]], fixed: 'from scratch as base\n' },
    { name: 'mixed-case FROM is left to the casing rule', text: 'From scratch as base\n', findings: [] },
    { name: 'with --platform', text: 'FROM --platform=$BUILDPLATFORM golang:1.23 As build\n', findings: [[1, 44]], fixed: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
  ]);
});
