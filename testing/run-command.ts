import { execFile } from 'node:child_process';

export interface CommandOptions {
  /** Written to the command's stdin. Never echoed in errors: it may hold a password. */
  input?: string;
}

/** Runs a program to completion; a non-zero exit rejects with its stderr. */
export function runCommand(
  file: string,
  args: string[],
  options: CommandOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const why = stderr.trim() || error.message;
        reject(new Error(`${file} ${args.join(' ')} failed: ${why}`, { cause: error }));
      } else {
        resolve({ stdout, stderr });
      }
    });
    // A program may exit without reading its stdin (EPIPE); its exit status tells the rest.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
  });
}
