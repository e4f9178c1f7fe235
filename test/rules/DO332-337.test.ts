import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3052-DL3056 and DL3058: label values in the format the label schema asks for.
describe('DO332 label-not-url (DL3052)', () => {
  const settings = { labelSchema: { website: 'url' } };
  ruleCases('DO332', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL website="not a url"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL website="https://www.example.com"\n', findings: [], settings },
    { name: 'other schemes', text: 'FROM debian:bookworm\nLABEL website=mailto:a@example.com\n', findings: [], settings },
    { name: 'no scheme', text: 'FROM debian:bookworm\nLABEL website=www.example.com\n', findings: [[2, 7]], settings },
  ]);
});

describe('DO333 label-not-rfc3339 (DL3053)', () => {
  const settings = { labelSchema: { created: 'rfc3339' } };
  ruleCases('DO333', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL created="not a date"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL created="2019-10-15T12:00:00+02:00"\n', findings: [], settings },
    { text: 'FROM debian:bookworm\nLABEL created=2024-02-30T00:00:00Z\n', findings: [[2, 7]], settings },
    { text: 'FROM debian:bookworm\nLABEL created=2024-02-29T23:59:59.123Z\n', findings: [], settings },
    { name: 'a value from a build argument without default', text: 'FROM debian:bookworm\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\n', findings: [[3, 7]], settings, message: /text/ },
  ]);
});

describe('DO334 label-not-spdx (DL3054)', () => {
  const settings = { labelSchema: { license: 'spdx' } };
  ruleCases('DO334', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL license="not-a-license"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL license="MIT"\n', findings: [], settings },
    { text: 'FROM debian:bookworm\nLABEL license=GPL-3.0-or-later\n', findings: [], settings },
  ]);
});

describe('DO335 label-not-git-hash (DL3055)', () => {
  const settings = { labelSchema: { revision: 'hash' } };
  ruleCases('DO335', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL revision="not-a-hash"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct: short hash', text: 'FROM debian:bookworm\nLABEL revision="2dbc9a1"\n', findings: [], settings },
    { name: 'long hash', text: 'FROM debian:bookworm\nLABEL revision=2dbc9a1b5fc4c2eb75a8fa3cd2ab6da7c4f5e8a0\n', findings: [], settings },
    { name: 'wrong length', text: 'FROM debian:bookworm\nLABEL revision=2dbc9a1b\n', findings: [[2, 7]], settings },
  ]);
});

describe('DO336 label-not-semver (DL3056)', () => {
  const settings = { labelSchema: { version: 'semver' } };
  ruleCases('DO336', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL version="not-a-version"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL version="1.0.0"\n', findings: [], settings },
    { name: 'pre-release and build', text: 'FROM debian:bookworm\nLABEL version=1.0.0-rc.1+build.5\n', findings: [], settings },
    { name: 'a known ARG default', text: 'FROM debian:bookworm\nARG VERSION=2.1.0\nLABEL version=${VERSION}\n', findings: [], settings },
    { name: 'hadolint README: a variable needs the type text', text: 'FROM debian:bookworm\nARG VERSION="du-jour"\nLABEL version="${VERSION}"\n', findings: [[3, 7]], settings },
  ]);
});

describe('DO337 label-not-email (DL3058)', () => {
  const settings = { labelSchema: { maintainer: 'email' } };
  ruleCases('DO337', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL maintainer="not-an-email"\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL maintainer="foo@example.com"\n', findings: [], settings },
    { text: 'FROM debian:bookworm\nLABEL maintainer="Jane <jane@example.com>"\n', findings: [[2, 7]], settings },
  ]);
});
