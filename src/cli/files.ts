import fs from 'node:fs';
import { AppError } from '../domain/errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a folder on its path is a file',
};

/**
 * The size of a file the user named, checked before anything is opened or written, so a
 * typo is a one-line refusal naming the argument (`field`) rather than a stack trace.
 */
export function fileSize(file: string, field = 'file'): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw AppError.validation([{ field, message: `cannot read ${file} (${REASONS[code] ?? code})` }]);
  }
  if (!stat.isFile()) throw AppError.validation([{ field, message: `cannot read ${file} (it is a folder)` }]);
  return stat.size;
}
