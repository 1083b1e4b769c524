import { api, type Schemas } from '@xinqiao/web-kit';

export type TreeHoleInbox = Schemas['TreeHoleInbox'];
export type TreeHoleInboxItem = TreeHoleInbox['messages'][number];
export type TreeHoleMessage = Schemas['TreeHoleMessage'];
export type TreeHoleWriter = Schemas['TreeHoleWriter'];
export type TreeHoleNotice = Schemas['TreeHoleNotice'];

/** The inbox: awaiting a reply first, escalated first (never who wrote). */
export function fetchInbox(): Promise<TreeHoleInbox> {
  return api.GET('/api/tree-hole/messages');
}

export function fetchMessage(id: string): Promise<TreeHoleMessage> {
  return api.GET('/api/tree-hole/messages/{id}', { params: { path: { id } } });
}

export function replyTo(id: string, body: string) {
  return api.POST('/api/tree-hole/messages/{id}/replies', { params: { path: { id } }, body: { body } });
}

/** Closes an answered conversation: still readable, no longer written to. */
export function closeThread(id: string) {
  return api.POST('/api/tree-hole/messages/{id}/close', { params: { path: { id } } });
}

/** Who wrote an escalated message (the center director alone, where the plugin reveals it; audited). */
export function fetchWriter(id: string): Promise<TreeHoleWriter> {
  return api.GET('/api/tree-hole/messages/{id}/writer', { params: { path: { id } } });
}

/** What students are told before writing. */
export function fetchNotice(): Promise<TreeHoleNotice> {
  return api.GET('/api/tree-hole/notice');
}
