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
import { CalendarFeedSection } from "./CalendarFeed";
import { AccountReceipts } from "./Receipts";
import { YourData } from "./YourData";
import { browserZone } from "../../lib/zones";

/** `/account`: the signed-in person's own page. Four sections, listed at the top: their
 * language (of the portal and of the e-mails Parley sends them) and time zone (every date and
 * deadline in their e-mails is shown in it; the header's language switch keeps the language too,
 * issue 15); their calendar feed of sessions and hearings (issue 20); and, since issue 19, the receipts of their case records, who has read their
 * records (the list is a page of its own), and their data (a copy, and erasure). */
export function Preferences() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyPreferencesDocument });
  const user = data?.viewer?.user;
  const contents = [
    { id: "preferences-heading", text: t("preferences.title") },
    { id: "account-calendar", text: t("calendarFeed.title") },
    { id: "account-receipts", text: t("receipts.account.title") },
    { id: "account-reads", text: t("accessLog.mine.title") },
    { id: "your-data-heading", text: t("privacy.title") },
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("account.title")} />
        <p className="govuk-body">{t("account.intro")}</p>
        <nav aria-labelledby="account-contents" className="govuk-!-margin-bottom-8">
          <h2 id="account-contents" className="govuk-heading-s govuk-!-margin-bottom-2">
            {t("account.contents")}
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {contents.map((item) => (
              <li key={item.id}>
                <a href={`#${item.id}`} className="govuk-link">
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <RequestError error={error} />
        {fetching && !user ? <Loading /> : null}
        <div className="parley-section">
          <h2 id="preferences-heading" className="govuk-heading-l" tabIndex={-1}>
            {t("preferences.title")}
          </h2>
          <p className="govuk-body">{t("preferences.intro")}</p>
          {user ? <PreferencesForm language={uiLocaleOf(user.locale)} timeZone={user.timeZone ?? browserZone()} /> : null}
        </div>
        {user ? <CalendarFeedSection /> : null}
        {user ? <AccountReceipts /> : null}
        <section aria-labelledby="account-reads" className="parley-section">
          <h2 id="account-reads" className="govuk-heading-l" tabIndex={-1}>
            {t("accessLog.mine.title")}
          </h2>
          <p className="govuk-body">{t("account.reads.intro")}</p>
          <p className="govuk-body">
            <Link href="/account/reads" className="govuk-link">
              {t("account.reads.link")}
            </Link>
          </p>
        </section>
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
