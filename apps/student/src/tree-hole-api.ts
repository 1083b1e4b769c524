import { api, type Schemas } from '@xinqiao/web-kit';

export type TreeHoleNotice = Schemas['TreeHoleNotice'];
export type TreeHoleWritten = Schemas['TreeHoleWritten'];
export type MyTreeHoleThread = Schemas['MyTreeHoleThread'];

/** The notice read before writing (the school plugin's text) and when a reply comes. */
export function fetchNotice(): Promise<TreeHoleNotice> {
  return api.GET('/api/tree-hole/notice');
}

/** Writes a message; answers the one-time key, shown this once. */
export function writeMessage(body: string, noticeVersion: string): Promise<TreeHoleWritten> {
  return api.POST('/api/tree-hole/messages', { body: { body, noticeVersion } });
}

/** Opens the thread with its key (spent); answers the next key. */
export function readThread(key: string): Promise<MyTreeHoleThread> {
  return api.POST('/api/tree-hole/thread', { body: { key } });
}

/** Writes again in the thread with its key (spent); answers the next key. */
export function writeAgain(key: string, body: string) {
  return api.POST('/api/tree-hole/thread/posts', { body: { key, body } });
}
