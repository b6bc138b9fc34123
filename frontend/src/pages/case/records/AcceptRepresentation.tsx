import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../../components/PageTitle";
import { Loading, RequestError, UserErrors } from "../../../components/Status";
import { Confirmation, SummaryList } from "../../../design/patterns";
import { AcceptRepresentativeInvitationDocument, RepresentativeInvitationDocument } from "../../../gql/graphql";
import { useI18n } from "../../../i18n";
import { useAuth } from "../../../lib/auth";

// The mailed link is /representative-invitation#token=...: the fragment never reaches a
// server or a Referer. The page keeps the token for this tab only (sessionStorage) and takes
// it out of the address bar, so that it survives signing in (which returns here) and is not
// left in the history.
const KEY = "parley.representativeInvitation";

function takeToken(): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    sessionStorage.setItem(KEY, fromLink);
    return fromLink;
  }
  return sessionStorage.getItem(KEY);
}

/** The invitee's page: what they are asked, and accepting it, signed in with the address
 * the invitation was sent to. Route: `/representative-invitation` (access "public": the page
 * itself asks to sign in, keeping the token). */
export function AcceptRepresentation() {
  const { t } = useI18n();
  const { status } = useAuth();
  const [token] = useState(takeToken);
  useEffect(() => {
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  }, []);
  if (status === "loading") return <Loading />;
  if (!token) {
    return (
      <Narrow>
        <PageTitle text={t("invitation.title")} />
        <p className="govuk-body">{t("invitation.noToken")}</p>
      </Narrow>
    );
  }
  if (status !== "signedIn") {
    return (
      <Narrow>
        <PageTitle text={t("invitation.title")} />
        <p className="govuk-body">{t("invitation.signInFirst")}</p>
        <Link href={`/sign-in?next=${encodeURIComponent("/representative-invitation")}`} className="govuk-button">
          {t("invitation.signIn")}
        </Link>
      </Narrow>
    );
  }
  return <Invitation token={token} />;
}

function Narrow({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

function Invitation({ token }: { token: string }) {
  const { t, dateTime } = useI18n();
  const { signOut } = useAuth();
  const [{ data, fetching, error }] = useQuery({ query: RepresentativeInvitationDocument, variables: { token } });
  const [accepted, accept] = useMutation(AcceptRepresentativeInvitationDocument);
  const [done, setDone] = useState<{ id: string; reference: string } | null>(null);
  const view = data?.representativeInvitation;
  if (done && view) {
    return (
      <Narrow>
        <PageTitle text={t("invitation.acceptedTitle", { name: view.inviterName })} />
        <Confirmation title={t("invitation.acceptedTitle", { name: view.inviterName })} reference={done.reference} receiptMailed={false}>
          <p className="govuk-body">{t("invitation.acceptedNext", { name: view.inviterName })}</p>
          <p className="govuk-body">
            <Link href={`/cases/${encodeURIComponent(done.id)}`} className="govuk-link">
              {t("invitation.openCase", { reference: done.reference })}
            </Link>
          </p>
        </Confirmation>
      </Narrow>
    );
  }
  if (fetching && !data) return <Loading />;
  if (!view) {
    return (
      <Narrow>
        <PageTitle text={t("invitation.title")} />
        <RequestError error={error} />
      </Narrow>
    );
  }
  const rows = [
    { key: t("invitation.from"), value: view.inviterName },
    { key: t("invitation.case"), value: `${view.caseReference}: ${view.caseSubject}` },
    { key: t("invitation.organisation"), value: view.organisationName },
    { key: t("invitation.until"), value: dateTime(view.expiresAt) },
  ];
  return (
    <Narrow>
      <PageTitle text={t("invitation.titleFrom", { name: view.inviterName })} />
      <SummaryList rows={rows} />
      {view.status === "PENDING" && view.addressMatches && (
        <>
          <h2 className="govuk-heading-m">{t("check.whatThisMeans")}</h2>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("check.warning")}</span>
              {t("invitation.meaning", { name: view.inviterName })}
            </div>
          </div>
          <UserErrors errors={accepted.data?.acceptRepresentativeInvitation.userErrors} />
          <RequestError error={accepted.error} />
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button"
              disabled={accepted.fetching}
              onClick={async () => {
                const answer = await accept({ token });
                const found = answer.data?.acceptRepresentativeInvitation.case;
                if (found) {
                  sessionStorage.removeItem(KEY);
                  setDone({ id: found.id, reference: found.reference });
                }
              }}
            >
              {t("invitation.accept", { name: view.inviterName })}
            </button>
          </div>
          <p className="govuk-body">{t("invitation.decline")}</p>
        </>
      )}
      {view.status === "PENDING" && !view.addressMatches && (
        <>
          <p className="govuk-body" data-testid="invitation-other-address">
            {t("invitation.otherAddress")}
          </p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void signOut()}>
            {t("invitation.signOut")}
          </button>
        </>
      )}
      {view.status === "ACCEPTED" && <p className="govuk-body">{t("invitation.alreadyAccepted")}</p>}
      {view.status === "REVOKED" && <p className="govuk-body">{t("invitation.revoked", { name: view.inviterName })}</p>}
      {view.status === "EXPIRED" && <p className="govuk-body">{t("invitation.expired", { date: dateTime(view.expiresAt) })}</p>}
    </Narrow>
  );
}
