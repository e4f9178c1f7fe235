import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3028: pin versions in gem install.
describe('DO311 unpinned-gem', () => {
  ruleCases('DO311', [
    { name: 'hadolint example', text: 'FROM ruby:3.3\nRUN gem install rake\n', findings: [[2, 17]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM ruby:3.3\nRUN gem install rake:12.3.3\n', findings: [] },
    { name: '-v', text: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.22 --no-document\n', findings: [] },
    { name: '--version=', text: 'FROM ruby:3.3\nRUN gem install bundler --version=2.5.22\n', findings: [] },
    { name: 'build options after --', text: 'FROM ruby:3.3\nRUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config\n', findings: [] },
    { name: 'gem i', text: 'FROM ruby:3.3\nRUN gem i --no-document rails\n', findings: [[2, 25]] },
  ]);
});
