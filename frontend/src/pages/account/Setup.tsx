import { useState } from "react";
import { useMutation } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { Confirmation } from "../../design/patterns";
import { SignUpFirstAdminDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { CodeStep, languageOf, ProfileInputs, uiLocaleOf, useProfileFields } from "./join";

/** The token of the setup link: in the fragment, which the browser never sends anywhere. */
function setupToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}

/** `/setup#token=...`: the operator makes the installation's first administrator (issue 14),
 * from the one-time link `portal serve` printed; the address is proven with a mailed code. */
export function Setup() {
  const { t, setLocale } = useI18n();
  const { signedIn } = useAuth();
  const describe = useDescribeUserError();
  const [token] = useState(setupToken);
  const [result, start] = useMutation(SignUpFirstAdminDocument);
  const [sent, setSent] = useState<{ email: string; challenge: string } | null>(null);
  const [done, setDone] = useState(false);
  const profile = useProfileFields();
  const form = useForm({
    id: "setup",
    fields: {
      email: { label: t("account.email"), initial: "", required: true, kind: "email" },
      ...profile,
    },
  });

  let body;
  if (!token) {
    body = <p className="govuk-body">{t("setup.noToken")}</p>;
  } else if (done) {
    body = (
      <Confirmation title={t("setup.doneTitle")} receiptMailed={false}>
        <p className="govuk-body">{t("setup.next")}</p>
        <p className="govuk-body">
          <a href="/admin/organisations" className="govuk-link">
            {t("setup.toAdmin")}
          </a>
        </p>
      </Confirmation>
    );
  } else if (sent) {
    body = (
      <CodeStep
        email={sent.email}
        challenge={sent.challenge}
        onStartAgain={() => setSent(null)}
        onSignedIn={(session) => {
          setLocale(uiLocaleOf(session.viewer.user?.locale));
          signedIn(session.accessToken, session.expiresIn, session.viewer);
          setDone(true);
        }}
      />
    );
  } else {
    body = (
      <>
        <p className="govuk-body">{t("setup.intro")}</p>
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            const answer = await start({
              input: {
                setupToken: token,
                email: values.email,
                displayName: values.displayName,
                language: languageOf(values.language),
                timeZone: values.timeZone,
              },
            });
            const payload = answer.data?.signUpFirstAdmin;
            if (payload?.challenge) {
              setSent({ email: values.email, challenge: payload.challenge });
              return [];
            }
            if (payload) return form.fromUserErrors(payload.userErrors, describe);
            return [{ field: "", message: t("account.notSent") }];
          })}
        >
          <TextInput bound={form.bind("email")} type="email" autoComplete="email" spellCheck={false} hint={t("setup.emailHint")} />
          <ProfileInputs bind={form.bind} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("account.sendCode")}</SubmitButton>
        </FormShell>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("setup.title")} />
        {body}
      </div>
    </div>
  );
}
