import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, Redirect } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Select, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { Confirmation } from "../../design/patterns";
import { FileComplaintDocument, OrganisationsDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { hadSessionInThisTab } from "../../lib/session";
import { SignUpForm } from "../account/SignUpForm";
import { useIdempotencyKey } from "../../lib/idempotency";

/** Filing a complaint, as one journey for someone new: not signed in, the page first creates
 * their account (SignUpForm, or a link to sign in and come back), then shows the form. */
export function FileComplaint() {
  const { t } = useI18n();
  const { status, signedIn } = useAuth();
  if (status === "signedIn") return <ComplaintForm />;
  // A session that ended here: sign in again and come back to the text (kept as a draft).
  if (hadSessionInThisTab()) {
    return <Redirect to={`/sign-in?next=${encodeURIComponent("/complaints/new")}`} />;
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("fileComplaint.title")} />
        <p className="govuk-body">{t("fileComplaint.intro")}</p>
        <h2 className="govuk-heading-m">{t("fileComplaint.newcomerTitle")}</h2>
        <p className="govuk-body">{t("fileComplaint.newcomerIntro")}</p>
        <SignUpForm
          onSignedIn={(session) => signedIn(session.accessToken, session.expiresIn, session.viewer)}
        />
        <p className="govuk-body">
          {t("signUp.haveAccount")}{" "}
          <Link className="govuk-link" href={`/sign-in?next=${encodeURIComponent("/complaints/new")}`}>
            {t("signUp.signIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/** The pattern every form follows (frontend/README.md): fields declared once, checked on
 * submit with an error summary, kept as a draft until sent, a confirmation page after. */
function ComplaintForm() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: OrganisationsDocument });
  const [result, file] = useMutation(FileComplaintDocument);
  const describe = useDescribeUserError();
  const [filed, setFiled] = useState<{ reference: string } | null>(null);
  // One key per form: pressing submit twice files one complaint.
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useForm({
    id: "file-complaint",
    draft: true,
    fields: {
      organisationId: {
        label: t("fileComplaint.organisation"),
        initial: "",
        required: true,
        requiredMessage: t("fileComplaint.organisationMissing"),
        serverNames: ["organisation_id", "organisationId"],
      },
      subject: { label: t("fileComplaint.subject"), initial: "", required: true, maxLength: LIMITS.subject },
      description: { label: t("fileComplaint.description"), initial: "", required: true, maxLength: LIMITS.text },
      remedySought: {
        label: t("fileComplaint.remedy"),
        initial: "",
        maxLength: LIMITS.text,
        serverNames: ["remedy_sought", "remedySought"],
      },
    },
  });

  if (filed) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("fileComplaint.filedTitle")} />
          <Confirmation title={t("fileComplaint.filedTitle")} reference={filed.reference}>
            <p className="govuk-body">{t("fileComplaint.next")}</p>
            <p className="govuk-body">
              <Link href="/complaints" className="govuk-link">
                {t("nav.myComplaints")}
              </Link>
            </p>
          </Confirmation>
        </div>
      </div>
    );
  }
  const organisations = data?.organisations.edges.map(({ node }) => ({
    value: node.id,
    label: `${node.name} (${node.country})`,
  }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("fileComplaint.title")} />
        <p className="govuk-body">{t("fileComplaint.intro")}</p>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await file({
              organisationId: values.organisationId,
              subject: values.subject,
              description: values.description,
              remedySought: values.remedySought || null,
              idempotencyKey,
            });
            const payload = answer.data?.fileComplaint;
            if (payload?.complaint) {
              setFiled({ reference: payload.complaint.reference });
              return [];
            }
            if (payload) {
              // Refused: the corrected form is another request, with a key of its own.
              renewKey();
              return form.fromUserErrors(payload.userErrors, describe);
            }
            // The request failed as a whole: the RequestError below says so; the draft stays.
            return [{ field: "", message: t("fileComplaint.notSent") }];
          })}
        >
          <Select bound={form.bind("organisationId")} options={organisations ?? []} />
          <TextInput bound={form.bind("subject")} hint={t("fileComplaint.subjectHint")} />
          <Textarea bound={form.bind("description")} hint={t("fileComplaint.descriptionHint")} rows={8} />
          <Textarea bound={form.bind("remedySought")} hint={t("fileComplaint.remedyHint")} rows={4} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("fileComplaint.submit")}</SubmitButton>
        </FormShell>
      </div>
    </div>
  );
}
