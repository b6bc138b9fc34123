import { Link, Redirect, useLocation } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { homeFor } from "../../routes";
import { SignUpForm } from "./SignUpForm";

/** `/sign-up`: a consumer creates an account (issue 14). */
export function SignUp() {
  const { t } = useI18n();
  const { status, viewer, signedIn } = useAuth();
  const [, navigate] = useLocation();
  if (status === "signedIn") return <Redirect to={homeFor(viewer)} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("signUp.title")} />
        <p className="govuk-body">{t("signUp.intro")}</p>
        <SignUpForm
          onSignedIn={(session) => {
            signedIn(session.accessToken, session.expiresIn, session.viewer);
            navigate(homeFor(session.viewer), { replace: true });
          }}
        />
        <p className="govuk-body">
          {t("signUp.haveAccount")}{" "}
          <Link href="/sign-in" className="govuk-link">
            {t("signUp.signIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}
