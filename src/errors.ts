/**
 * Errors a user can cause. Each carries the exit code the CLI uses and, where there is one,
 * a hint that says what to do about it. Anything else that is thrown is a bug in rust-perf.
 */
export abstract class UserError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad command line, action input or input file: exit 2. */
export class InputError extends UserError {
  readonly exitCode = 2;
}

/** A file that is not what it claims to be (truncated, corrupt, wrong schema): exit 2. */
export class CorruptFileError extends InputError {
  constructor(
    readonly file: string,
    readonly lineNumber: number | undefined,
    readonly reason: string,
    hint?: string,
  ) {
    super(`${file}${lineNumber === undefined ? '' : `:${lineNumber}`}: ${reason}`, hint);
  }
}

/** The machine lacks something rust-perf needs (valgrind, cargo, git): exit 3. */
export class EnvironmentError extends UserError {
  readonly exitCode = 3;
}

/** The user's build failed: exit 3. The message carries cargo's own errors. */
export class BuildError extends UserError {
  readonly exitCode = 3;
}

/** A benchmark exited non-zero, was killed, or produced no usable profile: exit 3. */
export class BenchmarkError extends UserError {
  readonly exitCode = 3;
}

/**
 * A GitHub or Actions service (the REST API, the cache, the artifact store) failed after its
 * retries, or refused the token: exit 3. The hint says whether to wait or to fix the workflow.
 */
export class ServiceError extends UserError {
  readonly exitCode = 3;
}

/** A git operation the user asked for failed (unknown ref, worktree trouble): exit 2. */
export class GitError extends InputError {}

/** What to tell the user: the message and the hint; a stack trace belongs in debug output. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}\n${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
