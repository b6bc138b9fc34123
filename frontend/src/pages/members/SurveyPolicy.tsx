import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { Checkbox, FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { SuccessBanner } from "../../design/patterns";
import {
  ConfigureSurveysDocument,
  SurveyPolicyForEditingDocument,
  type SurveyPolicyForEditingQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { OwnerPicker } from "./OwnerPicker";
import { ownersOf } from "./owners";

type Policy = SurveyPolicyForEditingQuery["surveyPolicy"];

/** An organisation's survey policy (ISO 10004): who is asked after a case closes, how long
 * the link works, when the one reminder goes. The questions stay as they are. */
export function SurveyPolicy() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const owners = ownersOf(viewer, "organisation");
  const [organisationId, setOrganisationId] = useState(owners[0]?.id ?? "");
  const [{ data, fetching, error }] = useQuery({
    query: SurveyPolicyForEditingDocument,
    variables: { organisationId },
    pause: !organisationId,
    requestPolicy: "network-only",
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("members.surveyTitle")} caption={owners.find((o) => o.id === organisationId)?.name} />
        <p className="govuk-body">{t("members.surveyIntro")}</p>
        <OwnerPicker owners={owners} value={organisationId} onChange={setOrganisationId} />
        <RequestError error={error} />
        {fetching && !data && <Loading />}
        {data && <PolicyForm key={organisationId} organisationId={organisationId} policy={data.surveyPolicy} />}
      </div>
    </div>
  );
}

const DAYS = /^\d{1,3}$/;

function PolicyForm({ organisationId, policy }: { organisationId: string; policy: Policy }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, configure] = useMutation(ConfigureSurveysDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    id: "survey-policy",
    fields: {
      validDays: {
        label: t("members.surveyValidDays"),
        initial: String(policy.validDays),
        required: true,
        serverNames: ["validDays"],
      },
      reminderAfterDays: {
        label: t("members.surveyReminderDays"),
        initial: String(policy.reminderAfterDays),
        required: true,
        serverNames: ["reminderAfterDays"],
      },
      inviteOrganisation: { label: t("members.surveyInviteOrganisation"), initial: policy.inviteOrganisation },
    },
    validate: (values) =>
      (["validDays", "reminderAfterDays"] as const)
        .filter((name) => !DAYS.test(String(values[name]).trim()))
        .map((name) => ({ field: name, message: t("members.errorWholeDays") })),
  });
  return (
    <>
      {saved && <SuccessBanner title={t("members.surveySaved")} />}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          setSaved(false);
          const answer = await configure({
            organisationId,
            questions: policy.questions.map(({ key, kind, prompt, required }) => ({ key, kind, prompt, required })),
            inviteOrganisation: values.inviteOrganisation === true,
            validDays: Number(values.validDays),
            reminderAfterDays: Number(values.reminderAfterDays),
          });
          const payload = answer.data?.configureSurveys;
          if (payload?.policy) {
            setSaved(true);
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("members.notSent") }];
        })}
      >
        <TextInput bound={form.bind("validDays")} inputMode="numeric" width="3" hint={t("members.surveyValidDaysHint")} />
        <TextInput
          bound={form.bind("reminderAfterDays")}
          inputMode="numeric"
          width="3"
          hint={t("members.surveyReminderDaysHint")}
        />
        <Checkbox bound={form.bind("inviteOrganisation")} hint={t("members.surveyInviteOrganisationHint")} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("members.save")}</SubmitButton>
      </FormShell>
    </>
  );
}
