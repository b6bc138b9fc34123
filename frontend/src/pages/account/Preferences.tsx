import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, useForm } from "../../design/forms";
import { SuccessBanner } from "../../design/patterns";
import { MyPreferencesDocument, UpdateMyPreferencesDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { languageOf, PreferenceInputs, uiLocaleOf, usePreferenceFields } from "./join";
import { AccountReceipts } from "./Receipts";
import { YourData } from "./YourData";

/** `/account`: the signed-in person's language (of the portal and of the e-mails Parley sends
 * them) and time zone (every date and deadline in their e-mails is shown in it). The header's
 * language switch keeps the language too (issue 15). Below (issue 19): who has read their
 * records, the receipts of their case records, and their data (a copy, and erasure). */
export function Preferences() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyPreferencesDocument });
  const user = data?.viewer?.user;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("preferences.title")} />
        <p className="govuk-body">{t("preferences.intro")}</p>
        <p className="govuk-body">
          <Link href="/account/reads" className="govuk-link">
            {t("accessLog.mine.link")}
          </Link>
        </p>
        <RequestError error={error} />
        {fetching && !user ? <Loading /> : null}
        {user ? <PreferencesForm language={uiLocaleOf(user.locale)} timeZone={user.timeZone} /> : null}
        {user ? <AccountReceipts /> : null}
        {user ? <YourData /> : null}
      </div>
    </div>
  );
}

function PreferencesForm(initial: { language: string; timeZone: string }) {
  const { t, setLocale } = useI18n();
  const describe = useDescribeUserError();
  const [result, save] = useMutation(UpdateMyPreferencesDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({ id: "preferences", fields: usePreferenceFields(initial) });
  return (
    <>
      {saved ? <SuccessBanner title={t("preferences.saved")} /> : null}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          setSaved(false);
          const answer = await save({
            input: { language: languageOf(values.language), timeZone: values.timeZone },
          });
          const payload = answer.data?.updateMyPreferences;
          if (payload?.viewer) {
            setLocale(uiLocaleOf(payload.viewer.user?.locale));
            setSaved(true);
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("account.notSent") }];
        })}
      >
        <PreferenceInputs bind={form.bind} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("preferences.save")}</SubmitButton>
      </FormShell>
    </>
  );
}
