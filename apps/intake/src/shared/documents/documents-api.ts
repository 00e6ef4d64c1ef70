import {
  apiClient,
  ApiProblem,
  CSRF_COOKIE,
  CSRF_HEADER,
  problemFromResponse,
  readCookie,
  type ResponseBody,
} from '@hms/api-client';
import type { Language } from '@hms/contracts/question-set';

/** A stored file, as the upload answers it (and as requests list their documents). */
export type DocumentInfo = ResponseBody<'/api/requests/{requestId}/documents', 'post'>;

export interface UploadOptions {
  requestId: string;
  questionId: string | null;
  file: File;
  language: Language;
  onProgress?: (fraction: number) => void;
}

/** Multipart upload with progress (fetch has no upload progress), the CSRF header set like the API client does. */
export function uploadDocument({
  requestId,
  questionId,
  file,
  language,
  onProgress,
}: UploadOptions): Promise<DocumentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ language });
    if (questionId) query.set('questionId', questionId);
    xhr.open(
      'POST',
      `/api/requests/${encodeURIComponent(requestId)}/documents?${query.toString()}`,
    );
    xhr.withCredentials = true;
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiProblem({ status: 0, title: 'Network error' }));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300)
        resolve(JSON.parse(xhr.responseText) as DocumentInfo);
      else void problemFromResponse(response).then(reject);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export async function deleteDocument(documentId: string): Promise<void> {
  await apiClient.DELETE('/api/documents/{documentId}', { params: { path: { documentId } } });
}

export function documentUrl(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}`;
}
