import { useMemo, useState } from "react";
import { useMutation } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Radios, Select, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { Confirmation } from "../../design/patterns";
import { RecordComplaintDocument, type ComplaintChannel } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { useIdempotencyKey } from "../../lib/idempotency";

// ISO 10002 7.2: complaints also arrive off-line; an agent records them (WEB is the complainant's own).
const CHANNELS: ComplaintChannel[] = ["PHONE", "LETTER", "EMAIL", "IN_PERSON"];

/** Recording a complaint received by phone, letter, e-mail or in person. The complainant is
 * e-mailed to confirm it is theirs (and gets an account if the address has none); the server
 * starts the complaint's clocks, and the complaint's page takes it from there. */
export function RecordComplaint() {
  const { t } = useI18n();
  const [recorded, setRecorded] = useState<{ id: string; reference: string } | null>(null);
  if (recorded) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("recordComplaint.doneTitle")} />
          <Confirmation title={t("recordComplaint.doneTitle")} reference={recorded.reference} receiptMailed={false}>
            <p className="govuk-body">{t("recordComplaint.doneNext")}</p>
            <ul className="govuk-list">
              <li>
                <Link href={`/organisation/complaints/${encodeURIComponent(recorded.id)}`} className="govuk-link">
                  {t("recordComplaint.open", { reference: recorded.reference })}
                </Link>
              </li>
              <li>
                <button type="button" className="govuk-link parley-link-button" onClick={() => setRecorded(null)}>
                  {t("recordComplaint.another")}
                </button>
              </li>
              <li>
                <Link href="/organisation/complaints" className="govuk-link">
                  {t("complaintPage.back")}
                </Link>
              </li>
            </ul>
          </Confirmation>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/organisation/complaints" className="govuk-back-link">
          {t("complaintPage.back")}
        </Link>
        <PageTitle text={t("recordComplaint.title")} />
        <p className="govuk-body">{t("recordComplaint.intro")}</p>
        {/* Shown afresh (with a new idempotency key) for each complaint recorded. */}
        <RecordForm onRecorded={setRecorded} />
      </div>
    </div>
  );
}

function RecordForm({ onRecorded }: { onRecorded(complaint: { id: string; reference: string }): void }) {
  const { t, label } = useI18n();
  const { viewer } = useAuth();
  const [result, record] = useMutation(RecordComplaintDocument);
  const describe = useDescribeUserError();
  // One key per form: pressing submit twice records one complaint.
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const organisations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const membership of viewer?.roles ?? []) {
      if (membership.organisation && ["ORG_AGENT", "ORG_MANAGER"].includes(membership.role)) {
        seen.set(membership.organisation.id, membership.organisation.name);
      }
    }
    return [...seen].map(([value, name]) => ({ value, label: name }));
  }, [viewer]);
  const form = useForm({
    id: "record-complaint",
    draft: true,
    fields: {
      organisationId: {
        label: t("recordComplaint.organisation"),
        // Most agents work for one organisation: nothing to choose then.
        initial: organisations.length === 1 ? organisations[0].value : "",
        required: true,
        requiredMessage: t("recordComplaint.organisationMissing"),
        serverNames: ["organisation_id", "organisationId"],
      },
      channel: {
        label: t("recordComplaint.channel"),
        initial: "",
        required: true,
        requiredMessage: t("recordComplaint.channelMissing"),
      },
      complainantName: {
        label: t("recordComplaint.name"),
        initial: "",
        required: true,
        maxLength: LIMITS.name,
        serverNames: ["complainant_name", "complainantName"],
      },
      complainantEmail: {
        label: t("recordComplaint.email"),
        initial: "",
        required: true,
        kind: "email",
        serverNames: ["complainant_email", "complainantEmail", "email"],
      },
      subject: { label: t("fileComplaint.subject"), initial: "", required: true, maxLength: LIMITS.subject },
      description: { label: t("fileComplaint.description"), initial: "", required: true, maxLength: LIMITS.text },
      remedySought: {
        label: t("complaintPage.remedy"),
        initial: "",
        maxLength: LIMITS.text,
        serverNames: ["remedy_sought", "remedySought"],
      },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await record({
          organisationId: String(values.organisationId),
          channel: values.channel as ComplaintChannel,
          complainantName: String(values.complainantName),
          complainantEmail: String(values.complainantEmail),
          subject: String(values.subject),
          description: String(values.description),
          remedySought: values.remedySought ? String(values.remedySought) : null,
          idempotencyKey,
        });
        const payload = answer.data?.recordComplaint;
        if (payload?.complaint) {
          onRecorded(payload.complaint);
          return [];
        }
        if (payload) {
          // Refused: the corrected form is another request, with a key of its own.
          renewKey();
          return form.fromUserErrors(payload.userErrors, describe);
        }
        // The request failed as a whole: the RequestError below says so; the draft stays.
        return [{ field: "", message: t("form.notSent") }];
      })}
    >
      {organisations.length > 1 && <Select bound={form.bind("organisationId")} options={organisations} />}
      <Radios
        bound={form.bind("channel")}
        options={CHANNELS.map((channel) => ({ value: channel, label: label("complaintChannel", channel) }))}
      />
      <TextInput bound={form.bind("complainantName")} autoComplete="off" />
      <TextInput
        bound={form.bind("complainantEmail")}
        type="email"
        autoComplete="off"
        spellCheck={false}
        hint={t("recordComplaint.emailHint")}
      />
      <TextInput bound={form.bind("subject")} hint={t("recordComplaint.subjectHint")} />
      <Textarea bound={form.bind("description")} hint={t("recordComplaint.descriptionHint")} rows={8} />
      <Textarea bound={form.bind("remedySought")} hint={t("fileComplaint.remedyHint")} rows={4} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("recordComplaint.submit")}</SubmitButton>
    </FormShell>
  );
}
