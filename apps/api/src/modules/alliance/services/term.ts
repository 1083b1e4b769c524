import { requirePermission } from '../../../auth/caller.ts';
import { type AllianceCaller, requireScorer } from '../access.ts';
import { termWorkbook } from '../export.ts';
import { entriesOfTerm } from '../queries/ledger.ts';
import { listMembers } from '../queries/members.ts';
import type { TermRow } from '../queries/structure.ts';
import { applyRepricing, previewRepricing, type RepricingPreview } from '../repricing.ts';
import { loadMember, loadTerm, requireOpenTerm } from '../service.ts';
import { termStandings } from '../standings.ts';
import { memberLedger } from '../views.ts';

// Reading the term (standings, ledgers, export) and re-pricing it, as use cases: each function starts with its
// access check on the caller.

/** The term sheet: scores, ranks, sanctions, eligibility; 404 for no such term. Needs `alliance.read`. */
export async function standingsOf(caller: AllianceCaller, termId: string) {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  return termStandings(caller.tx, caller.plugin(), term);
}

/** A member's ledger with the running score; 404 for no such member. Needs `alliance.read`. */
export async function ledgerOf(caller: AllianceCaller, memberId: string) {
  requirePermission(caller, 'alliance.read');
  const member = await loadMember(caller.tx, memberId);
  return memberLedger(caller.tx, caller.plugin(), member);
}

/** What re-pricing the term under the current plugin would change (nothing written). Needs `alliance.read`. */
export async function repricingPreview(caller: AllianceCaller, termId: string): Promise<RepricingPreview> {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  return previewRepricing(caller.tx, caller.plugin(), term);
}

/** Applies the re-pricing a preview showed (its fingerprint). Needs `alliance.score` for the open term. */
export async function reprice(
  caller: AllianceCaller,
  termId: string,
  fingerprint: string,
): Promise<{ term: TermRow; applied: RepricingPreview }> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  await requireScorer(caller, term.id);
  requireOpenTerm(term);
  const applied = await applyRepricing(caller.tx, caller.plugin(), term, fingerprint, caller.me.person.id);
  return { term, applied };
}

/** The term sheet as an XLSX workbook; 404 for no such term. Needs `alliance.read`. */
export async function exportTerm(
  caller: AllianceCaller,
  termId: string,
): Promise<{ term: TermRow; workbook: Uint8Array<ArrayBuffer> }> {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  const [standings, entries, members] = await Promise.all([
    termStandings(caller.tx, caller.plugin(), term),
    entriesOfTerm(caller.tx, term.id),
    listMembers(caller.tx, term.id, { includeInactive: true }),
  ]);
  const workbook = await termWorkbook(standings, entries, new Map(members.map((m) => [m.id, m.name])));
  return { term, workbook: new Uint8Array(workbook) };
}
