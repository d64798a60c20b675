/** Real redis-servers for the tests, on free loopback ports, no persistence, stopped after: one server, or a 3-node Redis Cluster. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { systemTool } from './system-tools.js';

/** Redis as a store meets it: one server or a cluster. */
export interface RedisDeployment {
  /** How a store connects to it (plain data: a worker process can use it too). */
  connection: { url: string } | { cluster: { host: string; port: number }[] };
  /** Every key matching `pattern`, from every node. */
  keys(pattern: string): Promise<string[]>;
  /** A connection to look at what is stored; disconnect it after. */
  inspector(): Redis | Cluster;
  stop(): Promise<void>;
  /** Starts it again on the same ports (empty: nothing is persisted). */
  restart(): Promise<void>;
}

export interface RedisProcess extends RedisDeployment {
  url: string;
  port: number;
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A cluster node also listens on its port + 10000 (the cluster bus): both must be free. */
async function freeClusterPort(taken: number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (!taken.includes(port) && (await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

/** Kills a redis-server and waits for it to be gone. */
async function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const NO_PERSISTENCE = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];

async function waitUntilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
}

export async function startRedis(): Promise<RedisProcess> {
  const binary = systemTool(['redis-server'], 'redis-server');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(binary, ['--port', String(port), ...NO_PERSISTENCE], { stdio: 'ignore' });
    await waitUntilAnswering(url);
  };
  const stop = async () => {
    await kill(child);
    child = undefined;
  };
  await start();
  return {
    connection: { url },
    keys: async (pattern) => {
      const inspector = new Redis(url);
      try {
        return await inspector.keys(pattern);
      } finally {
        inspector.disconnect();
      }
    },
    inspector: () => new Redis(url),
    url,
    port,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** Waits until every node says the cluster is ok (all slots served). */
async function waitUntilClusterOk(ports: number[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (const port of ports) {
    await waitUntilAnswering(`redis://127.0.0.1:${port}`);
    for (;;) {
      const node = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0 });
      const info = await node.cluster('INFO').finally(() => node.disconnect());
      if (String(info).includes('cluster_state:ok')) break;
      if (Date.now() > deadline) throw new Error(`the Redis Cluster did not come up: ${info}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Three redis-server nodes with `--cluster-enabled yes`, their slots assigned by `redis-cli --cluster create`. */
export async function startRedisCluster(): Promise<RedisDeployment> {
  const binary = systemTool(['redis-server'], 'redis-server');
  const cli = systemTool(['redis-cli'], 'redis-tools');
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(await freeClusterPort(ports));
  const directory = mkdtempSync(join(tmpdir(), 'okta-sessions-redis-cluster-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  // The cluster's layout lives in each node's config file, so nodes started again rejoin with their slots.
  const spawnNodes = () =>
    ports.map((port) =>
      spawn(
        binary,
        [
          '--port',
          String(port),
          ...NO_PERSISTENCE,
          '--dir',
          directory,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '1000',
        ],
        { stdio: 'ignore' },
      ),
    );
  let children = spawnNodes();
  const stop = async () => {
    await Promise.all(children.map(kill));
    children = [];
  };
  await Promise.all(ports.map((port) => waitUntilAnswering(`redis://127.0.0.1:${port}`)));
  await promisify(execFile)(cli, [
    '--cluster',
    'create',
    ...ports.map((port) => `127.0.0.1:${port}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  await waitUntilClusterOk(ports);
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  return {
    connection: { cluster: nodes },
    keys: async (pattern) => {
      const found = await Promise.all(
        ports.map(async (port) => {
          const node = new Redis(port, '127.0.0.1');
          return node.keys(pattern).finally(() => node.disconnect());
        }),
      );
      return found.flat();
    },
    inspector: () => new Cluster(nodes),
    stop,
    restart: async () => {
      await stop();
      children = spawnNodes();
      await waitUntilClusterOk(ports);
    },
  };
}
