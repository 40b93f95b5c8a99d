/** File and stream access for the CLI; the library never touches the file system for inputs. */
import { readFileSync } from 'node:fs';
import { ioError } from '../errors.js';

/** Read a UTF-8 file, or standard input for '-'. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : ((e as Error).message ?? String(e));
    throw ioError('io.read', `cannot read ${path === '-' ? 'standard input' : `'${path}'`}: ${why}`);
  }
}
