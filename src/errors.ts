// The few error kinds users can cause. Each prints as one line naming the file (and line) with a
// hint, and exits 2. Anything else is a bug and keeps its stack trace.

export type ErrorKind = 'usage' | 'config' | 'input' | 'engine';

export class DockoptError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly options: { file?: string; line?: number; hint?: string } = {},
  ) {
    super(message);
    this.name = 'DockoptError';
  }

  /** `file:line: message (hint)` */
  format(): string {
    const where = this.options.file ? `${this.options.file}${this.options.line ? `:${this.options.line}` : ''}: ` : '';
    const hint = this.options.hint ? ` (${this.options.hint})` : '';
    return `${where}${this.message}${hint}`;
  }
}

export const usageError = (message: string, hint?: string) => new DockoptError('usage', message, { hint });
export const configError = (file: string, message: string, line?: number, hint?: string) => new DockoptError('config', message, { file, line, hint });
export const inputError = (file: string, message: string, hint?: string) => new DockoptError('input', message, { file, hint });
