/**
 * @xinqiao/web-kit: what every Xinqiao frontend shares. The shell provides this package to the modules as a Module
 * Federation singleton, so there is one i18n instance, one session, one API client and one Element Plus per page.
 */
import { defineAsyncComponent } from 'vue';
import type AssignCaseDialogComponent from './ui/AssignCaseDialog.vue';

export {
  type ApiAnswer,
  ApiClient,
  type ApiClientOptions,
  api,
  type CallOptions,
  type HttpMethod,
  type TypedCall,
} from './api/client.ts';
export { downloadFile } from './api/download.ts';
export { type FormProblem, formProblem } from './api/form-problem.ts';
export {
  ApiProblem,
  NETWORK_FAILURE_STATUS,
  networkProblem,
  problemFromBody,
  problemFromResponse,
} from './api/problem.ts';
export { type RemoteSearch, useRemoteSearch } from './api/remote-search.ts';
export * from './contract.ts';
export { currentAcademicYear, formatAcademicYear, formatNumber, formatYuan } from './format.ts';
export {
  currentLocale,
  DEFAULT_LOCALE,
  elementLocale,
  i18n,
  LOCALES,
  type Locale,
  localized,
  type MessageSchema,
  setLocale,
  syncDocumentLanguage,
} from './i18n/index.ts';
export type { Texts } from './i18n/parity.ts';
export { ROLE_IDS, ROLE_NAMES, roleMessages } from './i18n/roles.ts';
export { ATTENTION_TIERS, TIER_NAMES, type TierTagType, tierMessages } from './i18n/tiers.ts';
export { defineSessionStore, type LoginInput, useSessionStore } from './session/store.ts';
export { default as LocaleSwitch } from './ui/LocaleSwitch.vue';
export { useNarrowScreen } from './ui/narrow-screen.ts';
export { default as ProblemAlert } from './ui/ProblemAlert.vue';
export { default as TierReasons } from './ui/TierReasons.vue';

/**
 * Loads when a module first draws it: the dialog, its select and their popper are not evaluated on the shell's first
 * page (which never shows them) but with the module that does. Typed as the component itself.
 */
export const AssignCaseDialog = defineAsyncComponent(
  () => import('./ui/AssignCaseDialog.vue'),
) as unknown as typeof AssignCaseDialogComponent;
