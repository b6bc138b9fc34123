import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, UserErrors } from "../../components/Status";
import { ImportantBanner } from "../../design/patterns";
import { MyCalendarFeedDocument, SetCalendarFeedDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** The account page's calendar feed (issue 20): a secret URL for a calendar application that
 * lists the person's sessions and hearings. Shown once when issued (only its hash is kept);
 * issuing a new one stops the old; revoking stops it. */
export function CalendarFeedSection() {
  const { t, dateTime } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyCalendarFeedDocument });
  const [result, setFeed] = useMutation(SetCalendarFeedDocument);
  const [url, setUrl] = useState<string | null>(null);
  const feed = data?.calendarFeed;
  async function change(active: boolean) {
    const answer = await setFeed({ input: { active } });
    const payload = answer.data?.setCalendarFeed;
    if (payload && payload.userErrors.length === 0) {
      setUrl(payload.feedUrl ?? null);
      refetch({ requestPolicy: "network-only" });
    }
  }
  return (
    <section aria-labelledby="account-calendar" className="parley-section" data-testid="calendar-feed">
      <h2 id="account-calendar" className="govuk-heading-l" tabIndex={-1}>
        {t("calendarFeed.title")}
      </h2>
      <p className="govuk-body">{t("calendarFeed.intro")}</p>
      {fetching && !data && <Loading />}
      <RequestError error={error ?? result.error} />
      <UserErrors errors={result.data?.setCalendarFeed.userErrors} />
      {url && (
        <ImportantBanner title={t("calendarFeed.copyNow")}>
          <label className="govuk-label" htmlFor="calendar-feed-url">
            {t("calendarFeed.url")}
          </label>
          <input
            id="calendar-feed-url"
            className="govuk-input"
            readOnly
            value={url}
            spellCheck={false}
            onFocus={(event) => event.target.select()}
            data-testid="calendar-feed-url"
          />
        </ImportantBanner>
      )}
      <p className="govuk-body" data-testid="calendar-feed-state">
        {feed ? t("calendarFeed.active", { date: dateTime(feed.issuedAt) }) : t("calendarFeed.inactive")}
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" disabled={result.fetching} onClick={() => void change(true)}>
          {feed ? t("calendarFeed.reissue") : t("calendarFeed.issue")}
        </button>
        {feed && (
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={result.fetching}
            onClick={() => {
              setUrl(null);
              void change(false);
            }}
          >
            {t("calendarFeed.revoke")}
          </button>
        )}
      </div>
    </section>
  );
}
