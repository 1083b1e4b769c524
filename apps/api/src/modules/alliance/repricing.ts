import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { fieldError, problem } from '../../http/problem.ts';
import { isUnpricedKind, storedRecordKind } from './kinds.ts';
import { bookPricing, reverseEntries } from './ledger.ts';
import { type Pricing, priceFacts } from './pricing.ts';
import { type LedgerRow, liveEntriesOfTerm } from './queries/ledger.ts';
import { listMembers } from './queries/members.ts';
import { recordsOfTerm } from './queries/records.ts';
import type { TermRow } from './queries/structure.ts';
import { pluginFactsOf, recordCounts } from './records.ts';
import type { RepricingPreviewSchema } from './responses.ts';

/** What a re-pricing would change, shown before it is applied. */
export type RepricingPreview = z.infer<typeof RepricingPreviewSchema>;
/** A record whose price changes under the current plugin. */
type RepricingChange = RepricingPreview['changes'][number];
/** One ledger line, before or after a re-pricing. */
type PricedLineView = RepricingChange['before'][number];

function sameLines(a: readonly PricedLineView[], b: readonly PricedLineView[]): boolean {
  const key = (lines: readonly PricedLineView[]) =>
    lines
      .map((l) => `${l.ruleName}:${l.points}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}

interface Planned {
  preview: RepricingPreview;
  work: { change: RepricingChange; live: LedgerRow[]; pricing: Pricing | null; booking: Booking }[];
}

interface Booking {
  schoolId: string;
  termId: string;
  memberId: string;
  recordId: string;
}

async function plan(tx: TenantTx, plugin: CompiledPlugin, term: TermRow): Promise<Planned> {
  const [records, entries, members] = await Promise.all([
    recordsOfTerm(tx, term.id),
    liveEntriesOfTerm(tx, term.id),
    listMembers(tx, term.id, { includeInactive: true }),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const liveBy = new Map<string, LedgerRow[]>();
  for (const entry of entries) {
    if (!entry.recordId) continue;
    liveBy.set(entry.recordId, [...(liveBy.get(entry.recordId) ?? []), entry]);
  }
  const work: Planned['work'] = [];
  let unchangedRecords = 0;
  for (const record of records) {
    if (!recordCounts(record) || isUnpricedKind(record.kind)) continue;
    const live = liveBy.get(record.id) ?? [];
    const before = live.map((e) => ({
      ruleName: e.ruleName,
      points: e.delta,
      pluginVersion: e.pluginVersion,
    }));
    let pricing: Pricing | null = null;
    let error: string | undefined;
    try {
      pricing = await priceFacts(plugin, pluginFactsOf(record));
    } catch (problem) {
      error = problem instanceof Error ? problem.message : String(problem);
    }
    const after = (pricing?.lines ?? []).map((l) => ({
      ruleName: l.ruleName,
      points: l.points,
      pluginVersion: plugin.version,
    }));
    if (!error && sameLines(before, after)) {
      unchangedRecords++;
      continue;
    }
    const sum = (lines: PricedLineView[]) => lines.reduce((s, l) => s + l.points, 0);
    const change: RepricingChange = {
      recordId: record.id,
      memberId: record.memberId,
      memberName: names.get(record.memberId) ?? '',
      kind: storedRecordKind(record.kind),
      before,
      after,
      difference: sum(after) - sum(before),
      ...(error ? { error } : {}),
    };
    const booking = {
      schoolId: record.schoolId,
      termId: record.termId,
      memberId: record.memberId,
      recordId: record.id,
    };
    work.push({ change, live, pricing, booking });
  }
  const changes = work.map((w) => w.change);
  const pointsBefore = new Map<string, number>();
  for (const entry of entries)
    pointsBefore.set(entry.memberId, (pointsBefore.get(entry.memberId) ?? 0) + entry.delta);
  const affected = [...new Set(changes.map((c) => c.memberId))];
  const preview: RepricingPreview = {
    termId: term.id,
    plugin: { id: plugin.id, version: plugin.version },
    pricedWith: [...new Set(entries.map((e) => e.pluginVersion))].sort(),
    changes,
    members: affected.map((memberId) => {
      const before = pointsBefore.get(memberId) ?? 0;
      const moved = changes.filter((c) => c.memberId === memberId).reduce((s, c) => s + c.difference, 0);
      return { memberId, name: names.get(memberId) ?? '', pointsBefore: before, pointsAfter: before + moved };
    }),
    unchangedRecords,
    fingerprint: '',
  };
  preview.fingerprint = createHash('sha256')
    .update(JSON.stringify({ plugin: preview.plugin, changes }))
    .digest('hex')
    .slice(0, 32);
  return { preview, work };
}

/**
 * What re-pricing the term's records under the school's current plugin would change: for each record whose ledger
 * lines would differ, the lines before and after; each member's points before and after. Nothing is written.
 *
 * @example
 * const preview = await previewRepricing(tx, plugin, term); // preview.changes: records whose price moves
 */
export async function previewRepricing(
  tx: TenantTx,
  plugin: CompiledPlugin,
  term: TermRow,
): Promise<RepricingPreview> {
  return (await plan(tx, plugin, term)).preview;
}

/**
 * Applies the re-pricing a preview showed: for each changed record, reversing entries for its live lines and new
 * lines priced by the current plugin (the reason names the plugin version). Refused with 409 when the preview
 * (its fingerprint) is no longer what would be applied, or when the plugin refuses some record.
 */
export async function applyRepricing(
  tx: TenantTx,
  plugin: CompiledPlugin,
  term: TermRow,
  fingerprint: string,
  by: string,
): Promise<RepricingPreview> {
  const { preview, work } = await plan(tx, plugin, term);
  if (preview.fingerprint !== fingerprint) {
    throw problem('alliance.repricing-stale').naming([fieldError('fingerprint', 'alliance.repricing-stale')]);
  }
  const refused = preview.changes.filter((c) => c.error);
  if (refused.length > 0) {
    throw problem('alliance.repricing-refused', { count: refused.length }).naming(
      refused.map((c) =>
        fieldError(`records.${c.recordId}`, 'alliance.plugin-refuses', { detail: c.error ?? '' }),
      ),
    );
  }
  const reason = `按插件 ${plugin.id} ${plugin.version} 重新计价`;
  for (const { live, pricing, booking } of work) {
    await reverseEntries(tx, live, {
      by,
      reason,
      reasonEn: `re-priced under ${plugin.id} ${plugin.version}`,
      cause: 'repricing',
    });
    const from = [...new Set(live.map((e) => e.pluginVersion))].join(',');
    if (pricing)
      await bookPricing(tx, { ...booking, createdBy: by }, pricing, from ? { repricedFrom: from } : {});
  }
  return preview;
}
