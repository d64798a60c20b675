/**
 * A module loaded on first use and kept: behind `import()`, a bundler splits it into a chunk that a page
 * which never uses it never loads. A failed load (a page gone offline) is tried again on the next use.
 */
export function loadOnUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
