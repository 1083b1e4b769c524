import { api, type Schemas } from '@xinqiao/web-kit';

export type IntegrationToken = Schemas['IntegrationToken'];
export type CreatedToken = Schemas['CreatedIntegrationToken'];
export type FeedKind = Schemas['FeedKind'];
export type FeedOutcome = Schemas['FeedOutcome'];
export const FEED_KINDS: readonly FeedKind[] = ['grades', 'card', 'activity'];

export function fetchTokens(): Promise<Schemas['IntegrationTokenList']> {
  return api.GET('/api/integration/tokens');
}

/** Creates a service token; the answer carries the token itself, this once. */
export function createToken(name: string, feeds: FeedKind[]): Promise<CreatedToken> {
  return api.POST('/api/integration/tokens', { body: { name, feeds } });
}

export function revokeToken(id: string): Promise<IntegrationToken> {
  return api.POST('/api/integration/tokens/{id}/revoke', { params: { path: { id } } });
}

/** The problem body of a refused upload, as the API answers it (row errors name row and column). */
export interface UploadProblem {
  title?: string;
  detail?: string;
  errors?: { row?: number; column?: string; reason?: string; field?: string; message?: string }[];
}

/**
 * Uploads a feed file as multipart form data with the session's CSRF token, reporting the upload's progress
 * (0–1); answers the stored outcome or throws the problem body.
 */
export function uploadFeed(
  feed: FeedKind,
  file: File,
  onProgress: (share: number) => void,
): Promise<FeedOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/warnings/feeds/${feed}/import`);
    if (api.csrfToken) xhr.setRequestHeader('x-csrf-token', api.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { title: xhr.statusText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as FeedOutcome);
      else reject(body as UploadProblem);
    };
    xhr.onerror = () => reject({ title: 'network error' } satisfies UploadProblem);
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
