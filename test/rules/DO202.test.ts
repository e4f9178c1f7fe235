import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO202 apt-get-missing-yes', () => {
  ruleCases('DO202', [
    { name: 'apt-get install without -y', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl\n', findings: [[2, 23]], message: /`apt-get install` without -y waits for a confirmation/ },
    { name: 'apt install', text: 'FROM debian:bookworm-slim\nRUN apt install curl\n', findings: [[2, 5]], message: /`apt install`/ },
    { name: 'with an assignment in front', text: 'FROM debian:bookworm-slim\nRUN DEBIAN_FRONTEND=noninteractive apt-get install curl\n', findings: [[2, 5]] },
    { name: 'behind sudo', text: 'FROM ubuntu:24.04\nRUN sudo apt-get install curl\n', findings: [[2, 5]] },
    { name: 'upgrade, dist-upgrade, remove, purge, autoremove', text: 'FROM debian:bookworm-slim\nRUN apt-get upgrade\nRUN apt-get dist-upgrade\nRUN apt-get remove curl\nRUN apt-get purge curl\nRUN apt-get autoremove\n', findings: [[2, 5], [3, 5], [4, 5], [5, 5], [6, 5]] },
    { name: 'options before the verb', text: 'FROM debian:bookworm-slim\nRUN apt-get -o Dpkg::Use-Pty=0 install curl\n', findings: [[2, 5]] },
    { name: '-q is not -qq', text: 'FROM debian:bookworm-slim\nRUN apt-get -q install curl\n', findings: [[2, 5]] },
    { name: 'on a continuation line', text: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install \\\n      curl\n', findings: [[3, 5]] },
    { name: 'inside if/then', text: 'FROM debian:bookworm-slim\nRUN if [ -n "$X" ]; then apt-get install curl; fi\n', findings: [[2, 26]] },

    { name: '-y', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n', findings: [] },
    { name: '-y after the packages', text: 'FROM debian:bookworm-slim\nRUN apt-get install curl -y\n', findings: [] },
    { name: '--yes and --assume-yes', text: 'FROM debian:bookworm-slim\nRUN apt-get install --yes curl && apt-get --assume-yes upgrade\n', findings: [] },
    { name: 'bundled -qy', text: 'FROM debian:bookworm-slim\nRUN apt-get -qy install curl\n', findings: [] },
    { name: '-qq implies yes', text: 'FROM debian:bookworm-slim\nRUN apt-get -qq install curl\n', findings: [] },
    { name: '-q=2', text: 'FROM debian:bookworm-slim\nRUN apt-get -q=2 install curl\n', findings: [] },
    { name: 'APT::Get::Assume-Yes', text: 'FROM debian:bookworm-slim\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n', findings: [] },
    { name: 'commands that do not ask', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get clean && apt-cache policy curl && apt-get download curl\n', findings: [] },
    { name: 'a word that only mentions it', text: 'FROM debian:bookworm-slim\nRUN echo "apt-get install curl"\n', findings: [] },
    { name: 'exec form', text: 'FROM debian:bookworm-slim\nRUN ["apt-get", "install", "curl"]\n', findings: [] },
  ]);
});
