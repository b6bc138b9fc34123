// Uploads as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec),
// sent with XMLHttpRequest because fetch reports no upload progress. Everything else goes
// through urql.
//
// A file is checked in the browser before it is sent (design/forms.tsx checkFile, against the
// server's `uploadLimits`); a refusal that still comes back (the server is the authority) arrives as
// an `UploadError` with the server's code, never as its text, so the page can say it in plain
// words.
import { print } from "graphql";
import { useQuery } from "urql";
import type { FileLimits } from "../design/forms";
import {
  SupersedeDocumentDocument,
  UploadDocumentDocument,
  UploadLimitsDocument,
  type SupersedeDocumentMutation,
  type UploadDocumentMutation,
  type Visibility,
} from "../gql/graphql";
import { accessTokenForRequest, authorisedFetch } from "./session";

export type UploadResult = UploadDocumentMutation["uploadDocument"];

/** What one upload may be (size, kinds), as the server enforces it (`uploadLimits`); null until
 * it has answered. Asked once per page load: the limits are settings, not per case. */
export function useUploadLimits(): FileLimits | null {
  const [{ data }] = useQuery({ query: UploadLimitsDocument, requestPolicy: "cache-first" });
  return data?.uploadLimits ?? null;
}

/** An upload the server refused as a whole, or that did not arrive: `code` is the API's
 * (REQUEST_TOO_LARGE, FILE_TOO_LARGE, ...) or "NETWORK"; the message is never shown. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** A new document in one scope. */
export function uploadDocument(
  caseId: string,
  file: File,
  visibility: Visibility,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return sendMultipart<UploadDocumentMutation>(
    print(UploadDocumentDocument),
    "UploadDocument",
    { caseId, file: null, visibility, idempotencyKey: crypto.randomUUID() },
    file,
    onProgress,
  ).then((data) => data.uploadDocument);
}

/** A new version of a document; it keeps the old one's scope, and the old one stays in its
 * history. */
export function supersedeDocument(
  documentId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<SupersedeDocumentMutation["supersedeDocument"]> {
  return sendMultipart<SupersedeDocumentMutation>(
    print(SupersedeDocumentDocument),
    "SupersedeDocument",
    { documentId, file: null, idempotencyKey: crypto.randomUUID() },
    file,
    onProgress,
  ).then((data) => data.supersedeDocument);
}

async function sendMultipart<Data>(
  query: string,
  operationName: string,
  variables: Record<string, unknown>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Data> {
  const token = await accessTokenForRequest();
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, operationName, variables }));
  form.append("map", JSON.stringify({ 0: ["variables.file"] }));
  form.append("0", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    xhr.setRequestHeader("GraphQL-Require-Preflight", "1");
    xhr.setRequestHeader("Accept", "application/graphql-response+json, application/json");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new UploadError("NETWORK", "network"));
    xhr.onload = () => {
      let body: { data?: Data | null; errors?: { message: string; extensions?: { code?: unknown } }[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        reject(new UploadError(xhr.status === 413 ? "REQUEST_TOO_LARGE" : "UNKNOWN", `HTTP ${xhr.status}`));
        return;
      }
      if (body.data) {
        onProgress(1);
        resolve(body.data);
        return;
      }
      const first = body.errors?.[0];
      const code = typeof first?.extensions?.code === "string" ? first.extensions.code : null;
      reject(
        new UploadError(code ?? (xhr.status === 413 ? "REQUEST_TOO_LARGE" : "UNKNOWN"), first?.message ?? `HTTP ${xhr.status}`),
      );
    };
    xhr.send(form);
  });
}

/** Fetch a signed download link with the reader's own token and hand the file to the browser. */
export async function download(url: string, filename: string): Promise<void> {
  // The link names the public URL; this page talks to the server it came from.
  const link = new URL(url, location.href);
  const response = await authorisedFetch(link.pathname + link.search);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  saveBlob(await response.blob(), filename);
}

/** Hand a blob made in the page (a receipt) to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
