import { api, currentLocale, networkProblem, problemFromResponse, type Schemas } from '@xinqiao/web-kit';

export type ClassAccounts = Schemas['ClassStudentAccounts'];
export type ClassAccount = Schemas['ClassStudentAccount'];
export type AccountState = Schemas['StudentAccountState'];
/** How the initial passwords come out: printed slips (PDF) or a sheet (XLSX). One or the other: they show once. */
export type IssueFormat = 'pdf' | 'xlsx';

/** The students of a class and where their accounts stand (audited by the API). */
export function fetchClassAccounts(classId: string): Promise<ClassAccounts> {
  return api.GET('/api/student-accounts/classes/{classId}', { params: { path: { classId } } });
}

/** The issue route of a format. */
export const issueUrl = (classId: string, format: IssueFormat) =>
  `/api/student-accounts/classes/${encodeURIComponent(classId)}/issue.${format}`;

/**
 * The file name a `Content-Disposition` header gives (the UTF-8 `filename*` first, then `filename`), or `fallback`.
 *
 * @example
 * filenameOf(`attachment; filename="a.pdf"; filename*=UTF-8''%E7%8F%AD.pdf`, 'x.pdf') // '班.pdf'
 */
export function filenameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8.trim());
    } catch {
      // Not percent-encoded as it should be: the plain name below.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Issues the accounts of a class's students who have none and hands the browser the answer as a download: the
 * initial passwords are in this one answer only. A refusal throws the API's problem. Answers the file's name.
 */
export async function issueAccounts(
  classId: string,
  format: IssueFormat,
  fallbackName: string,
): Promise<string> {
  const headers: Record<string, string> = { 'accept-language': currentLocale.value };
  if (api.csrfToken) headers['x-csrf-token'] = api.csrfToken;
  let res: Response;
  try {
    res = await fetch(issueUrl(classId, format), { method: 'POST', credentials: 'same-origin', headers });
  } catch (cause) {
    throw networkProblem(cause);
  }
  if (!res.ok) throw await problemFromResponse(res);
  const filename = filenameOf(res.headers.get('content-disposition'), fallbackName);
  const objectUrl = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.click();
  // The click starts the download; the object URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return filename;
}

/** How many students of the class are in each state. */
export function countByState(students: readonly Pick<ClassAccount, 'state'>[]): Record<AccountState, number> {
  const counts: Record<AccountState, number> = { none: 0, must_change_password: 0, active: 0, disabled: 0 };
  for (const s of students) counts[s.state]++;
  return counts;
}
