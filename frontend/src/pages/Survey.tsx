import { useMutation, useQuery } from "urql";
import { PageTitle } from "../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../components/Status";
import { FormShell, Radios, SubmitButton, Textarea, useForm, type FieldSpec } from "../design/forms";
import { LIMITS } from "../design/limits";
import { SuccessBanner } from "../design/patterns";
import { AnswerSurveyDocument, SurveyDocument, type SurveyAnswerInput, type SurveyQuery } from "../gql/graphql";
import { useI18n } from "../i18n";

type Survey = NonNullable<SurveyQuery["survey"]>;

/** ISO 10004 7.3: the personal survey link (`/survey#token=...`, the token never reaches a
 * server log or a Referer); no sign-in. */
export function Survey() {
  const { t, label } = useI18n();
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  const [{ data, fetching, error }] = useQuery({ query: SurveyDocument, variables: { token }, pause: !token });
  const survey = data?.survey;
  if (!token) return <p className="govuk-body" role="alert">{t("survey.noToken")}</p>;
  if (fetching && !data) return <Loading />;
  if (error) return <RequestError error={error} />;
  if (!survey) return null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("survey.title")} />
        <p className="govuk-body">
          {t("survey.intro", { reference: survey.caseReference, organisation: survey.organisationName })}
        </p>
        {survey.status !== "OPEN" ? (
          <p className="govuk-body" role="alert">
            {label("surveyStatus", survey.status)}
          </p>
        ) : (
          <SurveyForm survey={survey} token={token} />
        )}
      </div>
    </div>
  );
}

function SurveyForm({ survey, token }: { survey: Survey; token: string }) {
  const { t, date } = useI18n();
  const [result, answer] = useMutation(AnswerSurveyDocument);
  const describe = useDescribeUserError();
  const fields: Record<string, FieldSpec> = Object.fromEntries(
    survey.questions.map((question) => [
      question.key,
      {
        label: question.prompt,
        initial: "",
        required: question.required,
        requiredMessage: question.kind === "TEXT" ? undefined : t("survey.choose", { question: question.prompt }),
        maxLength: question.kind === "TEXT" ? LIMITS.text : undefined,
      },
    ]),
  );
  const form = useForm({ id: "survey", draft: true, fields });
  if (result.data?.answerSurvey.answered) {
    return <SuccessBanner title={t("survey.thanks")} />;
  }
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answers = survey.questions.flatMap<SurveyAnswerInput>((question) => {
          const value = String(values[question.key] ?? "");
          if (!value) return [];
          if (question.kind === "SCALE") return [{ question: question.key, score: Number(value) }];
          if (question.kind === "YES_NO") return [{ question: question.key, agreed: value === "yes" }];
          return [{ question: question.key, comment: value }];
        });
        const sent = await answer({ token, answers });
        const payload = sent.data?.answerSurvey;
        if (payload?.answered) return [];
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("form.notSent") }];
      })}
    >
      <p className="govuk-body-s">{t("survey.expires", { date: date(survey.expiresAt) })}</p>
      {survey.questions.map((question) =>
        question.kind === "TEXT" ? (
          <Textarea key={question.key} bound={form.bind(question.key)} rows={3} />
        ) : (
          <Radios
            key={question.key}
            bound={form.bind(question.key)}
            inline
            hint={question.kind === "SCALE" ? t("survey.scaleHint") : undefined}
            options={
              question.kind === "SCALE"
                ? [1, 2, 3, 4, 5].map((score) => ({ value: String(score), label: String(score) }))
                : [
                    { value: "yes", label: t("form.yes") },
                    { value: "no", label: t("form.no") },
                  ]
            }
          />
        ),
      )}
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("survey.submit")}</SubmitButton>
    </FormShell>
  );
}
