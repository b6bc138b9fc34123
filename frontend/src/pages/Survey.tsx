import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../components/PageTitle";
import { Loading, RequestError, UserErrors } from "../components/Status";
import { AnswerSurveyDocument, SurveyDocument, type SurveyAnswerInput } from "../gql/graphql";
import { useI18n } from "../i18n";

/** ISO 10004 7.3: the personal survey link (`/survey#token=...`, the token never reaches a
 * server log or a Referer); no sign-in. */
export function Survey() {
  const { t, label, dateTime } = useI18n();
  const token = new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  const [{ data, fetching, error }] = useQuery({
    query: SurveyDocument,
    variables: { token },
    pause: !token,
  });
  const [result, answer] = useMutation(AnswerSurveyDocument);
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerInput>>({});
  const survey = data?.survey;

  const set = (key: string, change: Partial<SurveyAnswerInput>) =>
    setAnswers((old) => ({ ...old, [key]: { ...old[key], question: key, ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await answer({ token, answers: Object.values(answers) });
  }

  if (!token) return <p role="alert">{t("survey.noToken")}</p>;
  if (fetching && !data) return <Loading />;
  if (error) return <RequestError error={error} />;
  if (!survey) return null;
  if (result.data?.answerSurvey.answered) {
    return (
      <section className="narrow">
        <PageTitle text={t("survey.title")} />
        <p role="status">{t("survey.thanks")}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle text={t("survey.title")} />
      <p>
        {t("survey.intro", { reference: survey.caseReference, organisation: survey.organisationName })}
      </p>
      {survey.status !== "OPEN" ? (
        <p role="alert">{label("surveyStatus", survey.status)}</p>
      ) : (
        <form onSubmit={submit} className="stack">
          <p className="muted">{t("survey.expires", { date: dateTime(survey.expiresAt) })}</p>
          {survey.questions.map((question) => (
            <fieldset key={question.key}>
              <legend>
                {question.prompt}
                {question.required && <span aria-hidden="true"> *</span>}
                {question.required && <span className="visually-hidden"> {t("form.required")}</span>}
              </legend>
              {question.kind === "SCALE" && (
                <div className="scale">
                  {[1, 2, 3, 4, 5].map((score) => (
                    <label key={score}>
                      <input
                        type="radio"
                        name={question.key}
                        required={question.required}
                        checked={answers[question.key]?.score === score}
                        onChange={() => set(question.key, { score })}
                      />
                      {score}
                    </label>
                  ))}
                </div>
              )}
              {question.kind === "YES_NO" && (
                <div className="scale">
                  {[true, false].map((agreed) => (
                    <label key={String(agreed)}>
                      <input
                        type="radio"
                        name={question.key}
                        required={question.required}
                        checked={answers[question.key]?.agreed === agreed}
                        onChange={() => set(question.key, { agreed })}
                      />
                      {agreed ? t("form.yes") : t("form.no")}
                    </label>
                  ))}
                </div>
              )}
              {question.kind === "TEXT" && (
                <textarea
                  aria-label={question.prompt}
                  required={question.required}
                  rows={3}
                  value={answers[question.key]?.comment ?? ""}
                  onChange={(e) => set(question.key, { comment: e.target.value })}
                />
              )}
            </fieldset>
          ))}
          <UserErrors errors={result.data?.answerSurvey.userErrors} />
          <RequestError error={result.error} />
          <button type="submit" disabled={result.fetching}>
            {t("survey.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
