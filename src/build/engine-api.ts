// The Docker engine API spoken directly for the two questions every run asks (the engine's
// platform, which hash-tagged images exist): a request on the engine's socket costs a few
// milliseconds where starting the docker client costs tens, which is most of a no-op build.
// Only for plain endpoints (a unix socket, or TCP without TLS); anything else (TLS, ssh://, docker
// contexts) and any failure here falls back to the docker client, which knows them all.
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Endpoint = { path: string } | { host: string; port: number };

/** Where the engine listens, when dockopt can talk to it without the client; else null. */
export function apiEndpoint(env: NodeJS.ProcessEnv): Endpoint | null {
  if (env.DOCKOPT_ENGINE_API === '0') return null;
  const host = env.DOCKER_HOST;
  if (host) {
    if (host.startsWith('unix://')) return { path: host.slice('unix://'.length) };
    const tcp = /^tcp:\/\/([^:/]+|\[[0-9a-fA-F:]+\]):(\d+)\/?$/.exec(host);
    if (tcp && !env.DOCKER_TLS_VERIFY && !env.DOCKER_TLS && tcp[2] !== '2376') return { host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2]) };
    return null;
  }
  if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== 'default') return null;
  const configFile = join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
  if (existsSync(configFile)) {
    try {
      const current = (JSON.parse(readFileSync(configFile, 'utf8')) as { currentContext?: string }).currentContext;
      if (current && current !== 'default') return null;
    } catch {
      return null;
    }
  }
  return { path: '/var/run/docker.sock' };
}

export interface ApiResponse {
  status: number;
  body: string;
}

/** GET a path (HTTP/1.0: the engine answers and closes, no chunking). Rejects on any trouble. */
export function apiGet(endpoint: Endpoint, path: string, timeoutMs = 10_000): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in endpoint ? connect(endpoint.path) : connect(endpoint.port, endpoint.host);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('engine API timed out')));
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nUser-Agent: dockopt\r\n\r\n`));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const head = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const split = text.indexOf('\r\n\r\n');
      if (!head || split === -1) reject(new Error('not an HTTP response'));
      else resolve({ status: Number(head[1]), body: text.slice(split + 4) });
    });
  });
}
