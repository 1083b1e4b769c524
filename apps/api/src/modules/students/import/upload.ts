import type { Context } from 'hono';
import { requirePermission } from '../../../auth/caller.ts';
import type { BeforeTransactionEnv } from '../../../auth/middleware.ts';
import { permissionsOf } from '../../../auth/permissions.ts';
import { uploadFileName } from '../../../http/upload-name.ts';
import type { ReadStudentFile } from './read-file.ts';
import { readImportFile } from './service.ts';

/** The file each import request read before its transaction opened, for the route's handler. */
const readBeforeTransaction = new WeakMap<Request, ReadStudentFile>();

/**
 * `POST /api/students/import`'s step before the request's transaction (auth/middleware.ts): the role check, then
 * the upload read and parsed within the reader's limits, so no database connection is held while a file is read.
 * A request without a file is left to the route's validator (400).
 */
export async function readStudentUpload(c: Context<BeforeTransactionEnv>): Promise<void> {
  requirePermission({ permissions: permissionsOf(c.var.me.roles.map((r) => r.role)) }, 'students.import');
  const form = await c.req.formData().catch(() => undefined);
  const file = form?.get('file');
  if (!(file instanceof File)) return;
  const fileName = uploadFileName(file.name, 'file');
  readBeforeTransaction.set(
    c.req.raw,
    await readImportFile(new Uint8Array(await file.arrayBuffer()), fileName),
  );
}

/** What {@link readStudentUpload} read for this request, if it ran. */
export function uploadReadBefore(request: Request): ReadStudentFile | undefined {
  return readBeforeTransaction.get(request);
}
