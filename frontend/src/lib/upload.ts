// Uploads as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec),
// sent with XMLHttpRequest because fetch reports no upload progress. Everything else goes
// through urql.
import { print } from "graphql";
import { UploadDocumentDocument, type UploadDocumentMutation, type Visibility } from "../gql/graphql";
import { accessTokenForRequest, authorisedFetch } from "./session";

export type UploadResult = UploadDocumentMutation["uploadDocument"];

export async function uploadDocument(
  caseId: string,
  file: File,
  visibility: Visibility,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const token = await accessTokenForRequest();
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({
      query: print(UploadDocumentDocument),
      operationName: "UploadDocument",
      variables: { caseId, file: null, visibility, idempotencyKey: crypto.randomUUID() },
    }),
  );
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
    xhr.onerror = () => reject(new Error("network"));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as {
          data?: UploadDocumentMutation;
          errors?: { message: string }[];
        };
        if (body.data?.uploadDocument) {
          onProgress(1);
          resolve(body.data.uploadDocument);
        } else reject(new Error(body.errors?.[0]?.message ?? `HTTP ${xhr.status}`));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
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
  const href = URL.createObjectURL(await response.blob());
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
