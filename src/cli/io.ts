/** File and stream access for the CLI; the library never touches the file system for inputs. */
import { readFileSync } from 'node:fs';
import { ioError, xmlError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read a UTF-8 file, or standard input for '-'. Invalid UTF-8 is refused, never patched over. */
export function readInput(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : ((e as Error).message ?? String(e));
    throw ioError('io.read', `cannot read ${path === '-' ? 'standard input' : `'${path}'`}: ${why}`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw xmlError('xml.encoding', 'not valid UTF-8 (teamctl reads UTF-8 XML)');
  }
}
