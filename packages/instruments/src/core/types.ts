/** Identifier of a supported instrument, as used in wave definitions, import files and policy facts. */
export type InstrumentId = 'upi' | 'phq9' | 'gad7' | 'scl90';

/** A text in Chinese (shown first) and English. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** One allowed answer value with the label a questionnaire prints next to it. */
export interface AnswerOption {
  readonly value: number;
  readonly label: LocalizedText;
}

/**
 * How scoring treats an item beyond adding it up:
 * `lie` = validity item, never scored; `key` = key item a tier rule looks at on its own;
 * `extra` = additional item outside the total; `flagged` = needs follow-up whatever the total (self-harm thoughts).
 */
export type ItemRole = 'lie' | 'key' | 'extra' | 'flagged';

/** One item of an instrument. Full wording is shipped only where the project knows it reliably (PHQ-9, GAD-7). */
export interface InstrumentItem {
  readonly number: number;
  /** Full wording of the item. */
  readonly text?: LocalizedText;
  /** Short label, for items whose full wording is not shipped. */
  readonly label?: LocalizedText;
  readonly roles: readonly ItemRole[];
  /** SCL-90 only: the factor the item belongs to. */
  readonly factor?: string;
}

/** Catalogue entry of an instrument: what a UI or an importer needs to know about it. */
export interface InstrumentInfo<Id extends InstrumentId = InstrumentId> {
  readonly id: Id;
  readonly abbreviation: string;
  readonly name: LocalizedText;
  readonly itemCount: number;
  readonly answerRange: { readonly min: number; readonly max: number };
  readonly answerOptions: readonly AnswerOption[];
  /** Question stem printed above the items, where known. */
  readonly instructions?: LocalizedText;
  readonly items: readonly InstrumentItem[];
  /** One-paragraph summary of how the instrument is scored. */
  readonly scoring: LocalizedText;
  /** Where the scoring rules come from. */
  readonly reference: string;
}

/** Options that are not item answers. */
export interface ScoreOptions {
  /**
   * UPI only: the student asked for counselling. In the common Chinese UPI this request is made in the
   * questionnaire's open-ended section (主观题), not by one of items 1–64, so importers pass it separately.
   * Defaults to false.
   */
  readonly asksForCounselling?: boolean;
}

/** Builds `count` items numbered from 1, each with no special role. */
export function plainItems(count: number): InstrumentItem[] {
  return Array.from({ length: count }, (_, index) => ({ number: index + 1, roles: [] }));
}
