import { useState } from "react";
import { useMutation } from "urql";
import { Link, useSearch } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, TextInput, useForm } from "../../design/forms";
import { Confirmation } from "../../design/patterns";
import { ClaimAccountDocument, RequestSignInCodeDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { safeNext } from "../../lib/next";
import { CodeStep, languageOf, ProfileInputs, uiLocaleOf, useProfileFields } from "./join";

/** The address the claim mail's link names (in the fragment). */
function linkedEmail(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("email") ?? "";
}

/** `/claim#email=...`: someone for whom an agent recorded a complaint (or whom a complainant
 * invited) makes the account Parley made for them theirs (issue 14): they prove the mailbox
 * with a code, then give their name, language and time zone. Nothing else changes: complaints
 * recorded for them still ask to be confirmed, one by one. */
export function Claim() {
  const { t } = useI18n();
  const { status, viewer, signedIn } = useAuth();
  const [sent, setSent] = useState<{ email: string; challenge: string } | null>(null);
  const [claimed, setClaimed] = useState(false);
  // Sent here by the sign-in page on the way somewhere (an invitation to a team, say).
  const next = safeNext(useSearch());

  let body;
  if (claimed) {
    body = (
      <Confirmation title={t("claim.doneTitle")} receiptMailed={false}>
        {next ? (
          <p className="govuk-body">
            <Link href={next} className="govuk-button" data-testid="claim-continue">
              {t("claim.continue")}
            </Link>
          </p>
        ) : (
          <>
            <p className="govuk-body">{t("claim.next")}</p>
            <p className="govuk-body">
              <Link href="/complaints" className="govuk-link">
                {t("nav.myComplaints")}
              </Link>
            </p>
          </>
        )}
      </Confirmation>
    );
  } else if (status === "signedIn" && viewer?.user) {
    body = <ClaimProfile name={viewer.user.displayName} onClaimed={() => setClaimed(true)} />;
  } else if (sent) {
    body = (
      <CodeStep
        email={sent.email}
        challenge={sent.challenge}
        onStartAgain={() => setSent(null)}
        onSignedIn={(session) => signedIn(session.accessToken, session.expiresIn, session.viewer)}
      />
    );
  } else {
    body = <ClaimEmail onSent={setSent} />;
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("claim.title")} />
        {body}
      </div>
    </div>
  );
}

function ClaimEmail({ onSent }: { onSent(sent: { email: string; challenge: string }): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, request] = useMutation(RequestSignInCodeDocument);
  const form = useForm({
    id: "claim-email",
    fields: { email: { label: t("account.email"), initial: linkedEmail(), required: true, kind: "email" } },
  });
  return (
    <>
      <p className="govuk-body">{t("claim.intro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await request({ email: values.email });
          const payload = answer.data?.requestSignInCode;
          if (payload?.challenge) {
            onSent({ email: values.email, challenge: payload.challenge });
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("account.notSent") }];
        })}
      >
        <TextInput bound={form.bind("email")} type="email" autoComplete="email" spellCheck={false} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("account.sendCode")}</SubmitButton>
      </FormShell>
    </>
  );
}

function ClaimProfile({ name, onClaimed }: { name: string; onClaimed(): void }) {
  const { t, setLocale } = useI18n();
  const describe = useDescribeUserError();
  const [result, claim] = useMutation(ClaimAccountDocument);
  const profile = useProfileFields();
  const form = useForm({
    id: "claim-profile",
    fields: { ...profile, displayName: { ...profile.displayName, initial: name } },
  });
  return (
    <>
      <p className="govuk-body">{t("claim.profileIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await claim({
            input: {
              displayName: values.displayName,
              language: languageOf(values.language),
              timeZone: values.timeZone,
            },
          });
          const payload = answer.data?.claimAccount;
          if (payload?.viewer) {
            setLocale(uiLocaleOf(payload.viewer.user?.locale));
            onClaimed();
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("account.notSent") }];
        })}
      >
        <ProfileInputs bind={form.bind} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("claim.submit")}</SubmitButton>
      </FormShell>
    </>
  );
}
