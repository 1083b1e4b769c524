import { fieldError, invalidFields } from './problem.ts';

/** The longest name an uploaded file may have (most file systems' limit; the name is stored with an import). */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * An upload's name as given (multipart `file`, `x-file-name` decoded once, `?fileName=`), refused with 400 naming
 * `field` when it is longer than {@link MAX_FILE_NAME_LENGTH} characters or holds U+0000 (which PostgreSQL cannot
 * store).
 *
 * @example
 * ```ts
 * const fileName = uploadFileName(upload.name, 'file');
 * ```
 */
export function uploadFileName(name: string, field: string): string {
  if (name.includes('\u0000')) throw invalidFields([fieldError(field, 'field.nul-character')]);
  if ([...name].length > MAX_FILE_NAME_LENGTH) {
    throw invalidFields([
      fieldError(field, 'field.too-big', {
        origin: 'string',
        maximum: MAX_FILE_NAME_LENGTH,
        inclusive: true,
      }),
    ]);
  }
  return name;
}
