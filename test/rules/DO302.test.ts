import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3009: delete the apt-get lists after installing something; dockopt also accepts
// (and recommends) cache mounts.
describe('DO302 apt-lists-kept', () => {
  ruleCases('DO302', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y python\n',
      findings: [[2, 5]],
      noFix: true,
      message: /--mount=type=cache,target=\/var\/cache\/apt,sharing=locked --mount=type=cache,target=\/var\/lib\/apt,sharing=locked/,
    },
    {
      name: 'hadolint example, correct',
      text: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y python \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n',
      findings: [],
    },
    {
      name: 'cache mounts instead of the cleanup',
      text: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y python\n',
      findings: [],
    },
    {
      name: 'a cache mount for the lists alone is enough',
      text: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y python\n',
      findings: [],
    },
    {
      name: 'a mount for /var/cache/apt only leaves the lists in the layer',
      text: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y python\n',
      findings: [[2, 61]],
      message: /`--mount=type=cache,target=\/var\/lib\/apt,sharing=locked`/,
    },
    {
      name: 'a builder stage that is only copied from is not checked',
      text: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:bookworm\nCOPY --from=build /out /out\n',
      findings: [],
    },
    {
      name: 'a stage used as a base is checked',
      text: 'FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y python\nFROM base\nRUN echo done\n',
      findings: [[2, 5]],
    },
    { name: 'rm of the parent directory', text: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt\n', findings: [] },
    { name: 'no update, no lists', text: 'FROM debian:bookworm\nRUN apt-get install -y ./local.deb\n', findings: [] },
  ]);
});
