import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, type UserErrorLike } from "../../components/Status";
import { Confirmation, ImportantBanner, SummaryList } from "../../design/patterns";
import { AcceptStaffInvitationDocument, StaffInvitationDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";

const KEPT = "parley.staffInvitation";

/** The link's token: from the address's fragment (never sent to a server), kept for this tab
 * while the invitee signs in, and taken out of the address bar. */
function linkToken(): string | null {
  const found = /(?:^#|&)token=([\w.-]+)/.exec(window.location.hash);
  if (found) {
    sessionStorage.setItem(KEPT, found[1]);
    window.history.replaceState(null, "", window.location.pathname);
    return found[1];
  }
  return sessionStorage.getItem(KEPT);
}

/** The invitee's page: sign in with the invited address (a one-time code is enough), see who
 * invites them to which team and role, and accept, once. */
export function AcceptInvitation() {
  const { t } = useI18n();
  const { status } = useAuth();
  const [token] = useState(linkToken);
  const title = t("members.acceptTitle");
  if (!token) {
    return (
      <>
        <PageTitle text={title} />
        <p className="govuk-body">{t("members.acceptNoLink")}</p>
      </>
    );
  }
  if (status !== "signedIn") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={title} />
          <p className="govuk-body">{t("members.acceptSignInFirst")}</p>
          <Link href={`/sign-in?next=${encodeURIComponent("/invitations/accept")}`} className="govuk-button">
            {t("members.acceptSignIn")}
          </Link>
        </div>
      </div>
    );
  }
  return <Answer token={token} />;
}

function Answer({ token }: { token: string }) {
  const { t, label, dateTime } = useI18n();
  const { signOut } = useAuth();
  const [{ data, fetching, error }] = useQuery({ query: StaffInvitationDocument, variables: { token } });
  const [result, accept] = useMutation(AcceptStaffInvitationDocument);
  const [refused, setRefused] = useState<readonly UserErrorLike[]>([]);
  const [joined, setJoined] = useState(false);
  const title = t("members.acceptTitle");
  if (joined) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle text={t("members.joinedTitle")} />
          <Confirmation title={t("members.joinedTitle")} receiptMailed={false}>
            <p className="govuk-body">{t("members.joinedNext")}</p>
            <p className="govuk-body">
              {/* A full load: the menu follows the roles read afresh. */}
              <a href="/" className="govuk-link" data-testid="go-to-work">
                {t("members.goToWork")}
              </a>
            </p>
          </Confirmation>
        </div>
      </div>
    );
  }
  const invitation = data?.staffInvitation;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={title} />
        {fetching && !invitation && <Loading />}
        <RequestError error={error} />
        {invitation && (
          <>
            <SummaryList
              rows={[
                { key: t("members.team"), value: invitation.teamName },
                { key: t("members.role"), value: label("members.roleName", invitation.role) },
                { key: t("members.invitedBy"), value: invitation.inviterName },
                { key: t("members.expires"), value: dateTime(invitation.expiresAt) },
              ]}
            />
            {invitation.status !== "PENDING" ? (
              <p className="govuk-body" data-testid="invitation-closed">
                {label("members.closed", invitation.status)}
              </p>
            ) : !invitation.addressMatches ? (
              <ImportantBanner title={t("members.otherAddress")}>
                <button type="button" className="govuk-link parley-link-button" onClick={() => void signOut()}>
                  {t("members.signOutAndBack")}
                </button>
              </ImportantBanner>
            ) : (
              <>
                <p className="govuk-body">{t("members.acceptIntro")}</p>
                <UserErrors errors={refused} />
                <RequestError error={result.error} />
                <button
                  type="button"
                  className="govuk-button"
                  disabled={result.fetching}
                  aria-disabled={result.fetching || undefined}
                  onClick={async () => {
                    const answer = await accept({ token });
                    const payload = answer.data?.acceptStaffInvitation;
                    if (payload?.member) {
                      sessionStorage.removeItem(KEPT);
                      setJoined(true);
                    } else setRefused(payload?.userErrors ?? []);
                  }}
                >
                  {t("members.acceptSubmit")}
                </button>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
