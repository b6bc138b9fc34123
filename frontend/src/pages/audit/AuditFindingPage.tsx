import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useSearch } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { Checkbox, FormShell, SubmitButton, Textarea, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SuccessBanner, SummaryList } from "../../design/patterns";
import { AuditFindingPageDocument, FollowUpAuditFindingDocument, type AuditFindingFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { FindingStatusTag, SeverityTag } from "./common";

/** One finding: what was found on which case, what should follow, its follow-up entries, and
 * the form for the next entry (which may close it). */
export function AuditFindingPage({ id }: { id: string }) {
  const { t } = useI18n();
  const findingId = decodeURIComponent(id);
  const raised = new URLSearchParams(useSearch()).get("raised") === "1";
  const [{ data, fetching, error }] = useQuery({ query: AuditFindingPageDocument, variables: { id: findingId } });
  const [done, setDone] = useState<string | null>(raised ? t("audit.finding.raisedBanner") : null);
  const finding = data?.auditFinding;
  return (
    <>
      <PageTitle text={finding ? t("audit.finding.title", { reference: finding.caseReference }) : t("audit.finding.titlePlain")} />
      {done && <SuccessBanner title={done} />}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {finding && <FindingFacts finding={finding} />}
      {finding && <FollowUps finding={finding} />}
      {finding && finding.status !== "CLOSED" && (
        <FollowUpForm finding={finding} onDone={(closed) => setDone(closed ? t("audit.followUp.closedBanner") : t("audit.followUp.addedBanner"))} />
      )}
    </>
  );
}

function FindingFacts({ finding }: { finding: AuditFindingFieldsFragment }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="finding-heading" className="parley-section">
      <h2 id="finding-heading" className="govuk-heading-m">
        {t("audit.finding.facts")}
      </h2>
      <SummaryList
        rows={[
          {
            key: t("audit.finding.case"),
            value: (
              <Link href={`/cases/${encodeURIComponent(finding.caseId)}`} className="govuk-link">
                {finding.caseReference}
              </Link>
            ),
          },
          { key: t("audit.finding.status"), value: <FindingStatusTag status={finding.status} /> },
          { key: t("audit.finding.severityKey"), value: <SeverityTag severity={finding.severity} /> },
          { key: t("audit.finding.found"), value: <span className="parley-prose">{finding.found}</span> },
          { key: t("audit.finding.action"), value: <span className="parley-prose">{finding.action}</span> },
          { key: t("audit.finding.raised"), value: t("audit.finding.byAt", { who: finding.raisedByEmail, at: dateTime(finding.raisedAt) }) },
          ...(finding.closedAt ? [{ key: t("audit.finding.closed"), value: dateTime(finding.closedAt) }] : []),
        ]}
      />
    </section>
  );
}

function FollowUps({ finding }: { finding: AuditFindingFieldsFragment }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="follow-ups-heading" className="parley-section">
      <h2 id="follow-ups-heading" className="govuk-heading-m">
        {t("audit.followUp.title")}
      </h2>
      {finding.followUps.length === 0 ? (
        <p className="govuk-body">{t("audit.followUp.none")}</p>
      ) : (
        <ol className="govuk-list" data-testid="follow-ups">
          {finding.followUps.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="govuk-!-margin-bottom-4">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {t("audit.finding.byAt", { who: entry.authorEmail, at: dateTime(entry.at) })}
                {entry.closes && <> · <strong>{t("audit.followUp.closedIt")}</strong></>}
              </p>
              <p className="govuk-body parley-prose">{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FollowUpForm({ finding, onDone }: { finding: AuditFindingFieldsFragment; onDone(closed: boolean): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [{ fetching }, send] = useMutation(FollowUpAuditFindingDocument);
  const form = useForm({
    id: `follow-up-${finding.id}`,
    draft: true,
    fields: {
      text: { label: t("audit.followUp.text"), initial: "", required: true, maxLength: LIMITS.text },
      close: { label: t("audit.followUp.close"), initial: false as boolean },
    },
  });
  return (
    <section aria-labelledby="follow-up-form-heading" className="parley-section">
      <h2 id="follow-up-form-heading" className="govuk-heading-m">
        {t("audit.followUp.add")}
      </h2>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await send({ input: { findingId: finding.id, text: values.text, close: values.close } });
          const payload = answer.data?.followUpAuditFinding;
          if (payload?.finding) {
            form.reset();
            onDone(payload.finding.status === "CLOSED");
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("status.failedTryAgain") }];
        })}
      >
        <Textarea bound={form.bind("text")} hint={t("audit.followUp.hint")} />
        <Checkbox bound={form.bind("close")} hint={t("audit.followUp.closeHint")} />
        <SubmitButton busy={fetching}>{t("audit.followUp.submit")}</SubmitButton>
      </FormShell>
    </section>
  );
}
