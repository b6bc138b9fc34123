import { useMemo, useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, UserErrors } from "../../components/Status";
import { FileComplaintDocument, OrganisationsDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export function FileComplaint() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: OrganisationsDocument });
  const [result, file] = useMutation(FileComplaintDocument);
  const [organisationId, setOrganisationId] = useState("");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [remedySought, setRemedySought] = useState("");
  // One key per form: pressing submit twice files one complaint.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const filed = result.data?.fileComplaint.complaint;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await file({ organisationId, subject, description, remedySought, idempotencyKey });
  }

  if (filed) {
    return (
      <section className="narrow">
        <PageTitle text={t("fileComplaint.filedTitle")} />
        <p role="status">{t("fileComplaint.filed", { reference: filed.reference })}</p>
        <p>
          <Link href="/complaints">{t("nav.myComplaints")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle text={t("fileComplaint.title")} />
      <p>{t("fileComplaint.intro")}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t("fileComplaint.organisation")}
          <select required value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">{t("form.choose")}</option>
            {data?.organisations.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name} ({node.country})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("fileComplaint.subject")}
          <input required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label>
          {t("fileComplaint.description")}
          <textarea required rows={6} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          {t("fileComplaint.remedy")}
          <textarea rows={3} value={remedySought} onChange={(e) => setRemedySought(e.target.value)} />
        </label>
        <UserErrors errors={result.data?.fileComplaint.userErrors} />
        <RequestError error={result.error} />
        <button type="submit" disabled={result.fetching}>
          {t("fileComplaint.submit")}
        </button>
      </form>
    </section>
  );
}
