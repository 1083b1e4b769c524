import { type FeedKind, feedKinds } from '@xinqiao/db';
import type { Context } from 'hono';
import { requirePermission } from '../../../auth/caller.ts';
import type { BeforeTransaction, BeforeTransactionEnv } from '../../../auth/middleware.ts';
import { permissionsOf } from '../../../auth/permissions.ts';
import { uploadFileName } from '../../../http/upload-name.ts';
import { type ReadFeedFile, readFeedFile } from './read-file.ts';

/** A feed file read before its request's transaction opened, with the name the user gave it. */
export interface FeedUpload {
  fileName: string;
  read: ReadFeedFile<FeedKind>;
}

const readBeforeTransaction = new WeakMap<Request, FeedUpload>();

/**
 * The step of `POST /api/warnings/feeds/{feed}/import` before the request's transaction (auth/middleware.ts): the
 * role check, then the upload read and validated, so no database connection is held while a file of up to a
 * million rows is parsed (PGlite has one). A request without a file is left to the route's validator (400).
 */
function readFeedUploadOf(feed: FeedKind): BeforeTransaction {
  return async (c: Context<BeforeTransactionEnv>) => {
    requirePermission({ permissions: permissionsOf(c.var.me.roles.map((r) => r.role)) }, 'feeds.raw');
    const form = await c.req.formData().catch(() => undefined);
    const file = form?.get('file');
    if (!(file instanceof File)) return;
    const fileName = uploadFileName(file.name, 'file');
    const read = await readFeedFile(feed, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: fileName,
    });
    readBeforeTransaction.set(c.req.raw, { fileName, read });
  };
}

/** `method path` → the step, for each feed's import route. */
export const feedUploadSteps: ReadonlyArray<readonly [string, BeforeTransaction]> = feedKinds.map(
  (feed) => [`POST /api/warnings/feeds/${feed}/import`, readFeedUploadOf(feed)] as const,
);

/** What the step read for this request, if it ran. */
export function feedUploadReadBefore(request: Request): FeedUpload | undefined {
  return readBeforeTransaction.get(request);
}
