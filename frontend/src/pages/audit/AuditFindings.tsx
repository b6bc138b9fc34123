import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useLocation, useSearch } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { FormShell, Radios, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { ScrollRegion } from "../../design/patterns";
import { AuditFindingsDocument, RaiseAuditFindingDocument, type FindingStatus } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { FindingStatusTag, SeverityTag } from "./common";

const STATUSES: FindingStatus[] = ["OPEN", "FOLLOWED_UP", "CLOSED"];

/** Findings on the cases the auditor audits, newest first, by status. */
export function AuditFindings() {
  const { t, label, dateTime } = useI18n();
  const [status, setStatus] = useState<FindingStatus | "">("");
  const [{ data, fetching, error }] = useQuery({
    query: AuditFindingsDocument,
    variables: { status: status || null },
    requestPolicy: "cache-and-network",
  });
  const findings = data?.auditFindings ?? [];
  return (
    <>
      <PageTitle text={t("audit.findings.title")} />
      <p className="govuk-body">{t("audit.findings.intro")}</p>
      <Link href="/audit/findings/new" className="govuk-button govuk-button--secondary">
        {t("audit.findings.new")}
      </Link>
      <form className="parley-filters" aria-label={t("audit.findings.filter")} onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="finding-status">
            {t("audit.findings.status")}
          </label>
          <select
            id="finding-status"
            className="govuk-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as FindingStatus | "")}
          >
            <option value="">{t("audit.findings.anyStatus")}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {label("audit.findingStatus", value)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && findings.length === 0 && <p className="govuk-body">{t("audit.findings.none")}</p>}
      {findings.length > 0 && (
        <ScrollRegion label={t("audit.findings.table")}>
          <table className="govuk-table" data-testid="findings">
            <caption className="govuk-visually-hidden">{t("audit.findings.table")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("audit.finding.case")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.finding.severityKey")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.finding.status")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.finding.raised")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {findings.map((finding) => (
                <tr className="govuk-table__row" key={finding.id}>
                  <td className="govuk-table__cell">
                    <Link href={`/audit/findings/${encodeURIComponent(finding.id)}`} className="govuk-link">
                      {finding.caseReference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <SeverityTag severity={finding.severity} />
                  </td>
                  <td className="govuk-table__cell">
                    <FindingStatusTag status={finding.status} />
                  </td>
                  <td className="govuk-table__cell">{dateTime(finding.raisedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

/** Raise a finding against a case: from a run's results (the case, the run and the broken
 * sequence come along), or by the case's reference. */
export function NewAuditFinding() {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const runId = params.get("run");
  const sequence = params.get("sequence");
  const [{ fetching }, raise] = useMutation(RaiseAuditFindingDocument);
  const form = useForm({
    id: "raise-audit-finding",
    draft: true,
    fields: {
      caseReference: {
        label: t("audit.finding.case"),
        initial: params.get("case") ?? "",
        required: true,
        serverNames: ["caseReference", "caseId"],
      },
      severity: { label: t("audit.finding.severity"), initial: "", required: true, requiredMessage: t("audit.finding.chooseSeverity") },
      found: {
        label: t("audit.finding.found"),
        initial: sequence ? t("audit.finding.foundFromRun", { sequence }) : "",
        required: true,
        maxLength: LIMITS.text,
      },
      action: { label: t("audit.finding.action"), initial: "", required: true, maxLength: LIMITS.text },
    },
  });
  return (
    <>
      <PageTitle text={t("audit.finding.newTitle")} />
      <p className="govuk-body">{t("audit.finding.newIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await raise({
            input: {
              caseReference: values.caseReference,
              severity: values.severity as "LOW" | "MEDIUM" | "HIGH",
              found: values.found,
              action: values.action,
              runId,
            },
          });
          const payload = answer.data?.raiseAuditFinding;
          if (payload?.finding) {
            navigate(`/audit/findings/${encodeURIComponent(payload.finding.id)}?raised=1`);
            return [];
          }
          // An unknown reference (or a case the auditor does not audit) reads as such.
          const named = (error: UserErrorLike) =>
            error.code === "NOT_FOUND" && ["caseReference", "case_reference"].includes(error.field?.at(-1) ?? "")
              ? t("audit.finding.errorNoCase")
              : describe(error);
          if (payload) return form.fromUserErrors(payload.userErrors, named);
          return [{ field: "", message: t("status.failedTryAgain") }];
        })}
      >
        <TextInput bound={form.bind("caseReference")} hint={t("audit.finding.caseHint")} spellCheck={false} />
        <Radios
          bound={form.bind("severity")}
          options={(["LOW", "MEDIUM", "HIGH"] as const).map((value) => ({
            value,
            label: label("audit.severity", value),
            hint: label("audit.severityHint", value),
          }))}
        />
        <Textarea bound={form.bind("found")} hint={t("audit.finding.foundHint")} />
        <Textarea bound={form.bind("action")} hint={t("audit.finding.actionHint")} />
        <SubmitButton busy={fetching}>{t("audit.finding.raise")}</SubmitButton>
      </FormShell>
    </>
  );
}
