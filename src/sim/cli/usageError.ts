/** A bad flag or value: the runner prints its message on one line and exits 2. */
export class CliUsageError extends Error {}
