import { useEffect, useState } from "react";
import { Tag } from "../../../design/patterns";
import type { OfferStatus } from "../../../gql/graphql";
import { useI18n } from "../../../i18n";

const SOON_MS = 48 * 3_600_000;

/** An offer's expiry: "Open until 12 December 2026, 17:00 GMT", a "Closes soon" tag in its last
 * two days, and "Expired" once it has passed (the page need not be reloaded: it turns at the
 * minute; the server, which refuses a late acceptance with OFFER_EXPIRED, stays the authority).
 * For Offers.tsx: `<OfferExpiry offer={offer} />` in each offer. */
export function OfferExpiry({ offer }: { offer: { status: OfferStatus; expiresAt?: string | null } }) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const ends = offer.expiresAt ? Date.parse(offer.expiresAt) : null;
  useEffect(() => {
    if (ends === null || offer.status !== "OPEN") return;
    const wait = ends - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(wait + 500, 2_147_483_000));
    return () => clearTimeout(timer);
  }, [ends, offer.status, now]);
  if (ends === null) {
    return offer.status === "OPEN" ? (
      <p className="govuk-body-s" data-testid="offer-expiry">
        {t("offerExpiry.none")}
      </p>
    ) : null;
  }
  const when = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(ends);
  const expired = offer.status === "EXPIRED" || (offer.status === "OPEN" && ends <= now);
  if (expired) {
    return (
      <p className="govuk-body-s" data-testid="offer-expiry" data-expired="true">
        <Tag colour="grey">{t("offerExpiry.expiredTag")}</Tag> {t("offerExpiry.expired", { date: when })}
      </p>
    );
  }
  if (offer.status !== "OPEN") return null;
  return (
    <p className="govuk-body-s" data-testid="offer-expiry">
      {ends - now < SOON_MS && (
        <>
          <Tag colour="orange">{t("offerExpiry.soonTag")}</Tag>{" "}
        </>
      )}
      {t("offerExpiry.openUntil", { date: when })}
    </p>
  );
}
