/**
 * Reads a release of Okta's management spec from a repository laid out like
 * okta/okta-management-openapi-spec: `dist/<YYYY.MM.POINT>/management-minimal.yaml`,
 * plus `dist/current/` and other folders that are not releases. A local folder is
 * read as it is on disk; a URL is cloned shallow and blobless, so only the one
 * file that is needed is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OKTA_SPEC_REPOSITORY = 'https://github.com/okta/okta-management-openapi-spec.git';
export const MANAGEMENT_FILE = 'management-minimal.yaml';

const RELEASE_NAME = /^(\d{4})\.(\d{2})\.(\d+)$/;

/** Orders release names by their numbers: 2025.11.10 comes after 2025.11.9. */
export function compareReleases(a: string, b: string): number {
  const parts = (name: string) => (RELEASE_NAME.exec(name) ?? []).slice(1).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export interface UpstreamRelease {
  release: string;
  /** The file inside the repository, e.g. `dist/2026.06.3/management-minimal.yaml`. */
  file: string;
  text: string;
  repository: string;
}

/** What a source offers: the entries of a folder, and the text of a file (undefined when absent). */
interface Tree {
  list(folder: string): string[] | undefined;
  read(file: string): string | undefined;
  close(): void;
}

function folderTree(root: string): Tree {
  return {
    list: (folder) =>
      existsSync(join(root, folder)) && statSync(join(root, folder)).isDirectory() ? readdirSync(join(root, folder)) : undefined,
    read: (file) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined),
    close: () => {},
  };
}

function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function clonedTree(url: string): Tree {
  const dir = mkdtempSync(join(tmpdir(), 'okta-spec-'));
  try {
    git(['clone', '--quiet', '--depth', '1', '--filter=blob:none', '--no-checkout', url, dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
    throw new Error(`cannot clone ${url}: ${stderr}`);
  }
  const tryGit = (args: string[]) => {
    try {
      return git(args, dir);
    } catch {
      return undefined;
    }
  };
  return {
    list: (folder) =>
      tryGit(['ls-tree', '--name-only', `HEAD:${folder}`])
        ?.split('\n')
        .filter(Boolean),
    read: (file) => tryGit(['show', `HEAD:${file}`]),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function isLocalFolder(source: string): boolean {
  return existsSync(source) && statSync(source).isDirectory();
}

/** The management spec of release `wanted` (or the newest) in `source`; throws, saying what is wrong, when it cannot. */
export function readUpstreamRelease(source: string, wanted: string = 'latest'): UpstreamRelease {
  const tree = isLocalFolder(source) ? folderTree(source) : clonedTree(source);
  try {
    const entries = tree.list('dist');
    if (!entries) throw new Error(`${source} has no dist/ folder: is it a copy of okta/okta-management-openapi-spec?`);
    const releases = entries.filter((name) => RELEASE_NAME.test(name)).sort(compareReleases);
    const newest = releases[releases.length - 1];
    if (!newest) throw new Error(`${source}: no release folders (YYYY.MM.POINT) under dist/`);
    const release = wanted === 'latest' ? newest : wanted;
    if (!releases.includes(release)) throw new Error(`${source}: release ${release} is not under dist/ (the newest is ${newest})`);
    const file = `dist/${release}/${MANAGEMENT_FILE}`;
    const text = tree.read(file);
    if (text === undefined) {
      const present = tree.list(`dist/${release}`) ?? [];
      throw new Error(`${source}: dist/${release} has no ${MANAGEMENT_FILE}${present.length ? ` (it has ${present.join(', ')})` : ''}`);
    }
    return { release, file, text, repository: source };
  } finally {
    tree.close();
  }
}
