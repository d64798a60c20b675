/** What a command reads and writes: the process's streams and environment, or a test's. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** The package version, for --version. */
  version: string;
  /** All of stdin, for `create -` and `--from -`. */
  readStdin: () => Promise<string>;
  /** Shows a progress line in place (undefined clears it); absent when stderr is not a terminal. */
  progress?: (line: string | undefined) => void;
  /** Calls `handler` on Ctrl-C or SIGTERM, once; returns a function that stops listening. */
  onInterrupt: (handler: () => void) => () => void;
}
