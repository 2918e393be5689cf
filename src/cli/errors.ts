/**
 * A failure the user can act on: bad arguments, an unreadable or invalid file. The CLI prints its one-line
 * message on stderr and exits 2, never with a stack trace (DESIGN.md §9).
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
