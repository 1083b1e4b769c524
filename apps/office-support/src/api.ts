import { api, downloadFile, type Schemas } from '@xinqiao/web-kit';

export type SupportLists = Schemas['SupportLists'];
export type SupportList = Schemas['SupportList'];
export type SupportEntry = Schemas['SupportEntry'];
export type SupportFile = Schemas['SupportFile'];
export type SupportPlan = Schemas['SupportPlan'];
export type SupportCategory = Schemas['SupportCategory'];
export type ResponsibleKind = Schemas['SupportResponsibleKind'];
export type ContactInput = Schemas['SupportContactBody'];
export type StudentListItem = Schemas['StudentPage']['items'][number];

/** The classes the caller runs support for, with the term's list of each. */
export function fetchLists(term?: string): Promise<SupportLists> {
  return api.GET('/api/support/lists', { params: { query: term ? { term } : {} } });
}

/** Proposes (or refreshes) a class's list by the school's rules. */
export function proposeList(classUnitId: string, term?: string): Promise<SupportList> {
  return api.POST('/api/support/lists', { body: term ? { classUnitId, term } : { classUnitId } });
}

const inList = (id: string) => ({ params: { path: { id } } });

export function fetchList(id: string): Promise<SupportList> {
  return api.GET('/api/support/lists/{id}', inList(id));
}

export function addEntry(id: string, body: Schemas['SupportAddEntry']): Promise<SupportList> {
  return api.POST('/api/support/lists/{id}/entries', { ...inList(id), body });
}

export function removeEntry(id: string, entryId: string, reason: string): Promise<SupportList> {
  return api.POST('/api/support/lists/{id}/entries/{entryId}/remove', {
    params: { path: { id, entryId } },
    body: { reason },
  });
}

export function confirmList(id: string): Promise<SupportList> {
  return api.POST('/api/support/lists/{id}/confirm', inList(id));
}

/** The class's students, for adding one the rules did not propose. */
export async function classStudents(unitId: string): Promise<StudentListItem[]> {
  return (await api.GET('/api/students', { params: { query: { unitId, pageSize: 100 } } })).items;
}

export function fetchFile(id: string): Promise<SupportFile> {
  return api.GET('/api/support/files/{id}', inList(id));
}

export function nameResponsible(id: string, body: Schemas['SupportResponsibleBody']): Promise<SupportFile> {
  return api.PUT('/api/support/files/{id}/responsible', { ...inList(id), body });
}

export function writePlan(id: string, body: SupportPlan): Promise<SupportFile> {
  return api.PUT('/api/support/files/{id}/plan', { ...inList(id), body });
}

export function addNote(id: string, body: Schemas['SupportNoteBody']): Promise<SupportFile> {
  return api.POST('/api/support/files/{id}/notes', { ...inList(id), body });
}

export function addContact(id: string, body: ContactInput): Promise<SupportFile> {
  return api.POST('/api/support/files/{id}/parent-contacts', { ...inList(id), body });
}

export function evaluate(id: string, evaluation: string): Promise<SupportFile> {
  return api.POST('/api/support/files/{id}/evaluation', { ...inList(id), body: { evaluation } });
}

/** Where the PDFs are: opened in a new tab (the browser shows and prints them). */
export const cardUrl = (fileId: string) => `/api/support/files/${encodeURIComponent(fileId)}/card.pdf`;
export const cardsUrl = (listId: string) => `/api/support/lists/${encodeURIComponent(listId)}/cards.pdf`;
export const letterUrl = (listId: string, letter: 'responsibility' | 'volunteer') =>
  `/api/support/lists/${encodeURIComponent(listId)}/letters/${letter}.pdf`;

/** Saves the class's cards as a file (the same PDF as {@link cardsUrl}). */
export function downloadCards(listId: string, filename: string): Promise<void> {
  return downloadFile(cardsUrl(listId), filename);
}
