import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO203 apt-get-install-recommends', () => {
  ruleCases('DO203', [
    { name: 'apt-get install -y', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n', findings: [[2, 23]], message: /without --no-install-recommends/, severity: 'info' },
    { name: 'at the start of the RUN', text: 'FROM debian:bookworm-slim\nRUN apt-get -y install curl\n', findings: [[2, 5]] },
    { name: 'with an assignment in front', text: 'FROM debian:bookworm-slim\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n', findings: [[2, 5]] },
    { name: 'each install of a RUN', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl && apt-get install -y git\n', findings: [[2, 5], [2, 32]] },
    { name: 'in a heredoc RUN', text: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n', findings: [[5, 1]] },

    { name: '--no-install-recommends', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n', findings: [] },
    { name: '--no-install-recommends after the packages', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl --no-install-recommends\n', findings: [] },
    { name: 'APT::Install-Recommends=false', text: 'FROM debian:bookworm-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', findings: [] },
    { name: 'not an install', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y curl\n', findings: [] },
    { name: 'apt (not apt-get) is not covered, like hadolint', text: 'FROM debian:bookworm-slim\nRUN apt install -y curl\n', findings: [] },
    { name: 'a word that only mentions it', text: 'FROM debian:bookworm-slim\nRUN echo apt-get install -y curl\n', findings: [] },
  ]);
});
