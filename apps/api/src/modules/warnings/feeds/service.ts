import { appendAudit, type FeedKind, feedBatches, queryRows, type TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { sql } from 'drizzle-orm';
import { problem, type RowError } from '../../../http/problem.ts';
import { messageOfIssue } from '../../../http/zod-issues.ts';
import { enqueueJob } from '../../../jobs/enqueue.ts';
import { evaluateWarningsJob } from '../job.ts';
import { warningSettingsOf } from '../settings.ts';
import { checkFeedRows, type NumberedRow, type Resolved } from './check.ts';
import { FEED_ROWS } from './columns.ts';
import { writeActivityRows, writeCardRows, writeGradeRows } from './write.ts';

/** Rows stored per statement. */
const CHUNK = 5_000;

/** Who sends a batch: the screen or the command line (a person), or the integration API (a service token). */
export type FeedChannel =
  | { kind: 'ui' | 'cli'; personId: string; fileName: string }
  | { kind: 'api'; tokenId: string; tokenName: string };

export interface FeedBatchInput<F extends FeedKind> {
  schoolId: string;
  schoolCode: string;
  plugin: CompiledPlugin | undefined;
  feed: F;
  rows: readonly NumberedRow<F>[];
  /** Errors found while reading and validating the rows (schema, file). */
  errors: readonly RowError[];
  channel: FeedChannel;
  now: Date;
  columnOf?: (key: string) => string;
  onProgress?: (written: number, total: number) => void;
}

export interface FeedBatchOutcome {
  batchId: string;
  feed: FeedKind;
  rowsTotal: number;
  rowsWritten: number;
  /** Rows already stored as they are (a feed sent again). */
  rowsUnchanged: number;
}

/**
 * Validates JSON rows of the integration API against the feed's row schema: the typed rows (row = index + 1) and
 * every error naming its row and field.
 */
export function parseFeedRows<F extends FeedKind>(feed: F, rows: readonly unknown[]) {
  const valid: NumberedRow<F>[] = [];
  const errors: RowError[] = [];
  rows.forEach((row, index) => {
    const parsed = FEED_ROWS[feed].safeParse(row);
    if (parsed.success) valid.push({ rowNumber: index + 1, record: parsed.data as NumberedRow<F>['record'] });
    else {
      for (const issue of parsed.error.issues) {
        errors.push({ row: index + 1, column: String(issue.path[0] ?? ''), reason: messageOfIssue(issue) });
      }
    }
  });
  return { valid, errors };
}

async function studentIdsOf(tx: TenantTx, numbers: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(numbers)];
  if (distinct.length === 0) return new Map();
  const rows = await queryRows<{ id: string; n: string }>(
    tx,
    sql`SELECT id, student_number AS n FROM students
        WHERE student_number = ANY (string_to_array(${distinct.join(',')}, ','))`,
  );
  return new Map(rows.map((row) => [row.n, row.id]));
}

/**
 * Stores one batch of a feed, all or nothing: every row is checked first (student, scale, time, repeats) and any
 * error rejects the whole batch with 400 `import.rows-rejected` naming each row and column, storing nothing. A good
 * batch is written in chunks (the same rows again write nothing), recorded in `feed_batches`, audited, and
 * queues the evaluation of the school's warnings. Runs in the caller's transaction with the import role.
 */
export async function storeFeedBatch<F extends FeedKind>(
  tx: TenantTx,
  input: FeedBatchInput<F>,
): Promise<FeedBatchOutcome> {
  const settings = await warningSettingsOf(input.plugin, input.schoolCode);
  const { resolved, errors } = checkFeedRows(input.feed, input.rows, {
    studentIds: await studentIdsOf(
      tx,
      input.rows.map((row) => row.record.studentNumber),
    ),
    formula: settings.gpaFormula,
    now: input.now,
    columnOf: input.columnOf ?? ((key) => key),
  });
  const all = [...input.errors, ...errors].sort((a, b) => a.row - b.row);
  if (all.length > 0) throw problem('import.rows-rejected', { count: all.length }).naming(all.slice(0, 1000));
  let written = 0;
  for (let start = 0; start < resolved.length; start += CHUNK) {
    const chunk = resolved.slice(start, start + CHUNK);
    written += await writeChunk(tx, input, chunk, settings.gpaFormula);
    input.onProgress?.(Math.min(start + CHUNK, resolved.length), resolved.length);
  }
  const batchId = crypto.randomUUID();
  const channel = input.channel;
  await tx.insert(feedBatches).values({
    id: batchId,
    schoolId: input.schoolId,
    feed: input.feed,
    channel: channel.kind,
    tokenId: channel.kind === 'api' ? channel.tokenId : null,
    personId: channel.kind === 'api' ? null : channel.personId,
    fileName: channel.kind === 'api' ? null : channel.fileName,
    rowsTotal: resolved.length,
    rowsWritten: written,
    status: 'accepted',
  });
  await appendAudit(tx, {
    schoolId: input.schoolId,
    actorPersonId: channel.kind === 'api' ? null : channel.personId,
    actorRole: channel.kind === 'api' ? 'integration' : 'school_admin',
    actorUnitId: null,
    action: `feed.${input.feed}.write`,
    entity: 'feed_batches',
    entityId: batchId,
    purpose:
      channel.kind === 'api'
        ? `接口写入 / integration: ${channel.tokenName}`
        : `导入数据 / feed import: ${channel.fileName}`,
  });
  if (written > 0) await enqueueJob(tx, input.schoolId, evaluateWarningsJob, {});
  return {
    batchId,
    feed: input.feed,
    rowsTotal: resolved.length,
    rowsWritten: written,
    rowsUnchanged: resolved.length - written,
  };
}

function writeChunk<F extends FeedKind>(
  tx: TenantTx,
  input: FeedBatchInput<F>,
  chunk: Resolved<F>[],
  formula: Parameters<typeof writeGradeRows>[3],
): Promise<number> {
  if (input.feed === 'grades')
    return writeGradeRows(tx, input.schoolId, chunk as unknown as Resolved<'grades'>[], formula);
  if (input.feed === 'card') return writeCardRows(tx, input.schoolId, chunk as unknown as Resolved<'card'>[]);
  return writeActivityRows(tx, input.schoolId, chunk as unknown as Resolved<'activity'>[]);
}
