import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, UserErrors, useDescribeUserError } from "../../../components/Status";
import { FormShell, SubmitButton, TextInput, useForm } from "../../../design/forms";
import { CheckPage, Explained, SuccessBanner, SummaryList, Tag } from "../../../design/patterns";
import {
  InviteRepresentativeDocument,
  RemoveRepresentativeDocument,
  CaseRepresentativeDocument,
  RevokeRepresentativeInvitationDocument,
  type CaseRepresentativeQuery,
  type CaseRole,
} from "../../../gql/graphql";
import { useI18n } from "../../../i18n";
import { useAction } from "../useAction";
import { Fold } from "./Fold";

type Invitation = NonNullable<CaseRepresentativeQuery["case"]>["representativeInvitations"][number];

/** Someone to act for the complainant: invited by e-mail (they become the representative
 * when they accept the mailed link, signed in with that address), the invitation pending
 * until then and withdrawable, the representation ended at any time. Only the complainant in
 * person sees the tools; a representative sees whom they act for. */
export function Representative({
  caseId,
  viewerRoles,
  recordLength,
  onDone,
}: {
  caseId: string;
  viewerRoles: readonly CaseRole[];
  /** The case record's length: when it grows (an invitation accepted elsewhere, say), ask again. */
  recordLength: number;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseRepresentativeDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
    // Only the complainant's side has anything here.
    pause: !viewerRoles.includes("COMPLAINANT") && !viewerRoles.includes("REPRESENTATIVE"),
  });
  const [banner, setBanner] = useState<{ n: number; text: string } | null>(null);
  const seen = useRef(recordLength);
  useEffect(() => {
    if (recordLength === seen.current) return;
    seen.current = recordLength;
    refetch({ requestPolicy: "network-only" });
  }, [recordLength, refetch]);
  const item = data?.case;
  const complainant = viewerRoles.includes("COMPLAINANT");
  if (!complainant && !viewerRoles.includes("REPRESENTATIVE")) return null;
  if (fetching && !data) return <Loading />;
  if (!item) return <RequestError error={error} />;

  function done(text: string) {
    setBanner((old) => ({ n: (old?.n ?? 0) + 1, text }));
    refetch({ requestPolicy: "network-only" });
    onDone();
  }

  const pending = item.representativeInvitations.find((i) => i.status === "PENDING");
  const earlier = item.representativeInvitations.filter((i) => i !== pending);
  return (
    <Fold title={t("representative.title")}>
      <section aria-labelledby="representative-heading" className="parley-section" data-testid="representative">
        <h2 id="representative-heading" className="govuk-visually-hidden">
          {t("representative.title")}
        </h2>
        {banner && <SuccessBanner key={banner.n} title={banner.text} />}
        {!complainant ? (
          <p className="govuk-body">{t("representative.youAct")}</p>
        ) : (
          <>
            <p className="govuk-body">{t("representative.intro")}</p>
            {item.representative ? (
              <Current name={item.representative.displayName} caseId={caseId} onDone={done} />
            ) : pending ? (
              <Pending invitation={pending} onDone={done} />
            ) : (
              <Invite caseId={caseId} onDone={done} />
            )}
            {earlier.length > 0 && <History invitations={earlier} />}
          </>
        )}
      </section>
    </Fold>
  );
}

function Current({ name, caseId, onDone }: { name: string; caseId: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const [checking, setChecking] = useState(false);
  const remove = useAction(RemoveRepresentativeDocument, () => undefined);
  if (checking) {
    return (
      <CheckPage
        title={t("representative.removeTitle", { name })}
        rows={[{ key: t("representative.actsForYou"), value: name }]}
        effect={t("representative.removeEffect", { name })}
        confirmLabel={t("representative.removeConfirm", { name })}
        busy={remove.busy}
        onBack={() => setChecking(false)}
        onConfirm={async () => {
          if (await remove.run({ caseId })) {
            setChecking(false);
            onDone(t("representative.removed", { name }));
          }
        }}
      >
        <UserErrors errors={remove.errors} />
        <RequestError error={remove.error} />
      </CheckPage>
    );
  }
  return (
    <>
      <SummaryList rows={[{ key: t("representative.actsForYou"), value: <strong data-testid="representative-name">{name}</strong> }]} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setChecking(true)}>
        {t("representative.remove", { name })}
      </button>
    </>
  );
}

function Pending({ invitation, onDone }: { invitation: Invitation; onDone(text: string): void }) {
  const { t, dateTime } = useI18n();
  const revoke = useAction(RevokeRepresentativeInvitationDocument, () => undefined);
  return (
    <div data-testid="invitation-pending">
      <SummaryList
        rows={[
          { key: t("representative.invited"), value: <span className="parley-prose">{invitation.email}</span> },
          { key: t("representative.status"), value: <Tag colour="yellow">{t("representative.waiting")}</Tag> },
          { key: t("representative.sentOn"), value: dateTime(invitation.invitedAt) },
          { key: t("representative.openUntil"), value: dateTime(invitation.expiresAt) },
        ]}
      />
      <p className="govuk-body">{t("representative.pendingHelp")}</p>
      <UserErrors errors={revoke.errors} />
      <RequestError error={revoke.error} />
      <button
        type="button"
        className="govuk-button govuk-button--warning"
        disabled={revoke.busy}
        onClick={async () => {
          if (await revoke.run({ invitationId: invitation.id })) onDone(t("representative.revoked", { email: invitation.email }));
        }}
      >
        {t("representative.revoke")}
      </button>
    </div>
  );
}

function Invite({ caseId, onDone }: { caseId: string; onDone(text: string): void }) {
  const { t, dateTime } = useI18n();
  const describe = useDescribeUserError();
  const [sent, send] = useMutation(InviteRepresentativeDocument);
  const form = useForm({
    id: `invite-representative-${caseId}`,
    fields: {
      email: {
        label: t("representative.email"),
        initial: "",
        required: true,
        requiredMessage: t("representative.emailMissing"),
        maxLength: 254,
      },
    },
    validate: (values) =>
      values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())
        ? [{ field: "email", message: t("representative.emailFormat") }]
        : [],
  });
  return (
    <>
      <h3 className="govuk-heading-m">{t("representative.inviteTitle")}</h3>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await send({ caseId, email: values.email });
          const payload = answer.data?.inviteRepresentative;
          if (payload?.invitation) {
            onDone(t("representative.sent", { email: payload.invitation.email, date: dateTime(payload.invitation.expiresAt) }));
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("representative.notSent") }];
        })}
      >
        <TextInput bound={form.bind("email")} type="email" autoComplete="off" spellCheck={false} hint={t("representative.emailHint")} />
        <RequestError error={sent.error} />
        <SubmitButton busy={sent.fetching}>{t("representative.send")}</SubmitButton>
      </FormShell>
    </>
  );
}

function History({ invitations }: { invitations: readonly Invitation[] }) {
  const { t, label, dateTime } = useI18n();
  return (
    <Explained summary={t("representative.history", { count: invitations.length })}>
      <ul className="govuk-list">
        {invitations.map((i) => (
          <li key={i.id}>
            <span className="parley-prose">{i.email}</span> · {label("invitationStatus", i.status)} ·{" "}
            {dateTime(i.decidedAt ?? (i.status === "EXPIRED" ? i.expiresAt : i.invitedAt))}
          </li>
        ))}
      </ul>
    </Explained>
  );
}
