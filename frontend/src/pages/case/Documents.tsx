import { useState } from "react";
import { useClient, useQuery } from "urql";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { checkFile, FileInput, FormShell, Select, SubmitButton, useForm, type FieldError, type FileLimits } from "../../design/forms";
import { Explained, SuccessBanner, SummaryList } from "../../design/patterns";
import { CaseFileDocument, DocumentLinkDocument, type CaseFileQuery, type CaseRole, type Visibility } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { SCOPE_ORDER, writableScopes } from "../../lib/scopes";
import { download, supersedeDocument, uploadDocument, UploadError, useUploadLimits } from "../../lib/upload";

// A link-styled button whose text wraps on a phone reads as a link: aligned left.
const LEFT = { textAlign: "left" } as const;

type CaseDocument = NonNullable<CaseFileQuery["case"]>["documents"]["edges"][number]["node"];

/** The documents the viewer may read, by scope, each with its versions; a new document or a
 * new version, checked in the browser before it is sent (size, kind, empty) with the limits in
 * the hint, and its progress shown; downloads through the short-lived signed link, fetched
 * with the viewer's own token. */
export function Documents({ caseId }: { caseId: string }) {
  const { t, label } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseFileDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const [added, setAdded] = useState<string | null>(null);
  const documents = data?.case?.documents.edges.map((edge) => edge.node) ?? [];
  const roles = data?.case?.viewerRoles ?? [];
  const scopes = writableScopes(roles);
  const fetchFile = useFetchDocument();

  function uploaded(name: string) {
    setAdded(name);
    refetch({ requestPolicy: "network-only" });
  }

  return (
    <section aria-labelledby="documents-heading" className="parley-section" data-testid="documents">
      <h2 id="documents-heading" className="govuk-visually-hidden">
        {t("documents.title")}
      </h2>
      {added && <SuccessBanner key={added} title={t("documents.added", { name: added })} />}
      {fetching && !data && <Loading />}
      <RequestError error={error ?? fetchFile.error} />
      {data && documents.length === 0 && <p className="govuk-body">{t("documents.none")}</p>}
      {SCOPE_ORDER.filter((s) => documents.some((d) => d.visibility === s)).map((s) => (
        <div key={s}>
          <h3 className="govuk-heading-m">{label("visibility", s)}</h3>
          {documents
            .filter((d) => d.visibility === s)
            .map((d) => (
              <DocumentCard
                key={d.id}
                document={d}
                roles={roles}
                onDownload={fetchFile.run}
                onUploaded={uploaded}
              />
            ))}
        </div>
      ))}
      {scopes.length > 0 && (
        <>
          <h3 className="govuk-heading-m" id="upload-heading">
            {t("documents.upload")}
          </h3>
          <UploadForm target={{ caseId, scopes }} onUploaded={uploaded} />
        </>
      )}
    </section>
  );
}

/** Download one version through its signed link. */
function useFetchDocument() {
  const client = useClient();
  const [error, setError] = useState<Error | null>(null);
  async function run(id: string, filename: string) {
    setError(null);
    const result = await client.query(DocumentLinkDocument, { id }, { requestPolicy: "network-only" }).toPromise();
    const node = result.data?.node;
    if (node && "downloadLink" in node) {
      await download(node.downloadLink.url, filename).catch((caught: Error) => setError(caught));
    } else setError(result.error ?? new Error("not found"));
  }
  return { run, error };
}

function DocumentCard({
  document: d,
  roles,
  onDownload,
  onUploaded,
}: {
  document: CaseDocument;
  roles: readonly CaseRole[];
  onDownload(id: string, filename: string): Promise<void>;
  onUploaded(name: string): void;
}) {
  const { t, label, dateTime, bytes } = useI18n();
  const earlier = d.versions.filter((v) => v.id !== d.id);
  // Only the role that uploaded a document may replace it (the server decides; this only
  // avoids offering a form it would refuse).
  const mayReplace = roles.includes(d.uploaderRole);
  return (
    <div className="govuk-summary-card" data-testid="document">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title parley-prose">{d.filename}</h4>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action govuk-body govuk-!-margin-bottom-0">
            <button
              type="button"
              className="govuk-link parley-link-button govuk-body govuk-!-margin-bottom-0"
              style={LEFT}
              onClick={() => void onDownload(d.id, d.filename)}
            >
              {t("documents.download", { name: d.filename })}
            </button>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: t("documents.versionKey"), value: t("documents.version", { version: d.version }) },
            { key: t("documents.size"), value: bytes(d.size) },
            { key: t("documents.addedBy"), value: `${label("role", d.uploaderRole)} · ${dateTime(d.createdAt)}` },
            {
              key: t("documents.fingerprint"),
              value: (
                <>
                  <span className="parley-hash">{d.sha256}</span>
                  <div className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                    {t("documents.sha256")}
                  </div>
                </>
              ),
            },
          ]}
        />
        {earlier.length > 0 && (
          <Explained summary={t("documents.versions", { count: d.versions.length })}>
            <ol className="govuk-list" data-testid="document-versions">
              {[...d.versions].reverse().map((v) => (
                <li key={v.id}>
                  {v.id === d.id ? (
                    <strong>{t("documents.version", { version: v.version })}</strong>
                  ) : (
                    <button
                      type="button"
                      className="govuk-link parley-link-button govuk-body govuk-!-margin-bottom-0"
                      style={LEFT}
                      onClick={() => void onDownload(v.id, v.filename)}
                    >
                      {t("documents.downloadVersion", { version: v.version, name: v.filename })}
                    </button>
                  )}{" "}
                  <span className="govuk-hint govuk-!-display-inline">
                    {v.id === d.id ? `${v.filename} · ` : ""}
                    {bytes(v.size)} · {label("role", v.uploaderRole)} · {dateTime(v.createdAt)}
                    {v.supersededAt && ` · ${t("documents.replacedOn", { date: dateTime(v.supersededAt) })}`}
                  </span>
                </li>
              ))}
            </ol>
          </Explained>
        )}
        {mayReplace && (
          <Explained summary={t("documents.newVersion", { name: d.filename })}>
            <p className="govuk-body">{t("documents.newVersionIntro")}</p>
            <UploadForm target={{ document: d }} onUploaded={onUploaded} />
          </Explained>
        )}
      </div>
    </div>
  );
}

type Target = { caseId: string; scopes: Visibility[] } | { document: CaseDocument };

/** A file checked here before it is sent: nothing leaves the browser when it is empty, too
 * large or of a kind the server refuses; the limits are in the hint. */
function UploadForm({ target, onUploaded }: { target: Target; onUploaded(name: string): void }) {
  const { t, label, bytes } = useI18n();
  const describe = useDescribeUserError();
  const limits = useUploadLimits();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const isNew = "caseId" in target;
  const form = useForm({
    id: isNew ? "upload" : `new-version-${target.document.id}`,
    fields: {
      file: {
        label: isNew ? t("documents.file") : t("documents.newVersionFile", { name: target.document.filename }),
        initial: "",
        required: true,
        requiredMessage: t("documents.chooseFile"),
      },
      visibility: {
        label: t("documents.scope"),
        initial: isNew ? (target.scopes.includes("ALL_PARTIES") ? "ALL_PARTIES" : (target.scopes[0] ?? "")) : "",
        required: isNew,
        requiredMessage: t("documents.chooseScope"),
      },
    },
    validate: () => {
      const problem = file && limits ? checkFile(file, limits, { bytes, t }) : null;
      return problem ? [{ field: "file", message: problem }] : [];
    },
  });

  /** A refusal that came back anyway, in plain words on the field it concerns. */
  function refused(error: unknown, name: string): FieldError[] {
    const code = error instanceof UploadError ? error.code : "UNKNOWN";
    if ((code === "REQUEST_TOO_LARGE" || code === "FILE_TOO_LARGE") && limits) {
      return [{ field: "file", message: t("form.fileTooLarge", { name, max: bytes(limits.maxFileBytes) }) }];
    }
    if (code === "NETWORK") return [{ field: "", message: t("status.offline") }];
    const known = label("error", code);
    return [{ field: code === "UNSUPPORTED_TYPE" || code === "EMPTY_FILE" ? "file" : "", message: known !== code ? known : t("status.failedTryAgain") }];
  }

  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        if (!file) return [{ field: "file", message: t("documents.chooseFile") }];
        if (!limits) return [{ field: "", message: t("status.loading") }];
        setProgress(0);
        try {
          const result = isNew
            ? await uploadDocument(target.caseId, file, values.visibility as Visibility, setProgress)
            : await supersedeDocument(target.document.id, file, setProgress);
          if (!result.document) {
            return form.fromUserErrors(result.userErrors, describe).map((e) => ({ ...e, field: e.field || "file" }));
          }
          setFile(null);
          setInputKey((key) => key + 1);
          onUploaded(result.document.filename);
          return [];
        } catch (caught) {
          return refused(caught, file.name);
        } finally {
          setProgress(null);
        }
      })}
    >
      <FileInput
        key={inputKey}
        bound={form.bind("file")}
        onFile={setFile}
        accept={limits ? [...limits.acceptedExtensions, ...limits.acceptedTypes].join(",") : undefined}
        hint={limits ? <LimitsHint limits={limits} /> : t("status.loading")}
      />
      {isNew && (
        <Select
          bound={form.bind("visibility")}
          options={target.scopes.map((s) => ({ value: s, label: label("visibility", s) }))}
        />
      )}
      {progress !== null && <Progress id={`${form.id}-progress`} fraction={progress} />}
      {/* Nothing is sent before the limits are known: the file is checked against them first. */}
      <SubmitButton busy={progress !== null || limits === null}>{isNew ? t("documents.uploadSubmit") : t("documents.newVersionSubmit")}</SubmitButton>
    </FormShell>
  );
}

function LimitsHint({ limits }: { limits: FileLimits }) {
  const { t, bytes } = useI18n();
  const kinds = [...new Set(limits.acceptedExtensions.map((e) => e.replace(/^\./, "").toUpperCase()))];
  return <>{t("documents.limits", { kinds: kinds.join(", "), max: bytes(limits.maxFileBytes) })}</>;
}

/** How much of the file has been sent. */
function Progress({ id, fraction }: { id: string; fraction: number }) {
  const { t, number } = useI18n();
  const percent = number(fraction, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="govuk-form-group" data-testid="upload-progress">
      <label className="govuk-label" htmlFor={id}>
        {t("documents.progress")}
      </label>
      <progress id={id} className="parley-progress" max={1} value={fraction}>
        {percent}
      </progress>{" "}
      <span className="govuk-body" aria-live="polite">
        {percent}
      </span>
    </div>
  );
}
