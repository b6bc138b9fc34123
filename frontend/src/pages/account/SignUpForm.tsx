import { useState } from "react";
import { useMutation } from "urql";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { SignUpDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { CodeStep, languageOf, ProfileInputs, uiLocaleOf, useProfileFields, type Session } from "./join";

/** Creating an account (issue 14), as a block any page can hold: the sign-up page, and the
 * complaint form for someone not signed in yet. E-mail, name, language and time zone; then the
 * code mailed to the address; then `onSignedIn` with the new session (the caller stores it:
 * `useAuth().signedIn(...)`). An address that has an account gets the same steps, and its
 * owner signs in with the code instead. */
export function SignUpForm({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t, setLocale } = useI18n();
  const describe = useDescribeUserError();
  const [result, signUp] = useMutation(SignUpDocument);
  const [sent, setSent] = useState<{ email: string; challenge: string } | null>(null);
  const profile = useProfileFields();
  const form = useForm({
    id: "sign-up",
    fields: {
      email: { label: t("account.email"), initial: "", required: true, kind: "email" },
      ...profile,
    },
  });

  if (sent) {
    return (
      <CodeStep
        email={sent.email}
        challenge={sent.challenge}
        onStartAgain={() => setSent(null)}
        onSignedIn={(session) => {
          // The portal speaks the account's language: the one chosen here for a new account.
          setLocale(uiLocaleOf(session.viewer.user?.locale));
          onSignedIn(session);
        }}
      />
    );
  }
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await signUp({
          input: {
            email: values.email,
            displayName: values.displayName,
            language: languageOf(values.language),
            timeZone: values.timeZone,
          },
        });
        const payload = answer.data?.signUp;
        if (payload?.challenge) {
          setSent({ email: values.email, challenge: payload.challenge });
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("account.notSent") }];
      })}
    >
      <TextInput
        bound={form.bind("email")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint={t("account.emailHint")}
      />
      <ProfileInputs bind={form.bind} />
      <RequestError error={result.error} />
      <SubmitButton busy={result.fetching}>{t("account.sendCode")}</SubmitButton>
    </FormShell>
  );
}
