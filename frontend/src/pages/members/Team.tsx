import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { FormShell, Radios, SubmitButton, TextInput, useForm } from "../../design/forms";
import { CheckPage, ScrollRegion, SuccessBanner, Tag } from "../../design/patterns";
import {
  ChangeMemberRoleDocument,
  InviteStaffDocument,
  RemoveMemberDocument,
  RevokeStaffInvitationDocument,
  TeamDocument,
  type Role,
  type StaffInvitationFieldsFragment,
  type TeamMemberFieldsFragment,
  type TeamQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { OwnerPicker } from "./OwnerPicker";
import { ownersOf, type TeamKind } from "./owners";

type TeamData = TeamQuery["team"];
type View =
  | { name: "list" }
  | { name: "change"; member: TeamMemberFieldsFragment }
  | { name: "remove"; member: TeamMemberFieldsFragment }
  | { name: "revoke"; invitation: StaffInvitationFieldsFragment };

export function OrganisationTeam() {
  return <TeamPage kind="organisation" />;
}

export function ProviderTeam() {
  return <TeamPage kind="provider" />;
}

/** A team's members and invitations; its managers invite, change roles, remove and revoke.
 * Removing and revoking go through a check page; role changes hold from the member's next
 * request (the server reads roles on every request). Without ``ownerId`` the team is one the
 * signed-in person runs (a picker when they run several); with it, that owner's team (an
 * admin's page: the server lets admins run any team, policy.may_manage_team). */
export function TeamPage({
  kind,
  ownerId: given,
  titleFor,
}: {
  kind: TeamKind;
  ownerId?: string;
  /** The page's title from the team's name (an admin's page names the team it is about). */
  titleFor?: (name: string) => string;
}) {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const owners = given ? [] : ownersOf(viewer, kind);
  const [picked, setOwnerId] = useState(owners[0]?.id ?? "");
  const ownerId = given ?? picked;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TeamDocument,
    variables: { ownerId },
    pause: !ownerId,
    requestPolicy: "cache-and-network",
  });
  const [view, setView] = useState<View>({ name: "list" });
  const [done, setDone] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const finish = (message: string) => {
    setDone(message);
    setView({ name: "list" });
    reload();
  };
  const team = data?.team;
  const title =
    titleFor && team
      ? titleFor(team.name)
      : kind === "organisation"
        ? t("members.titleOrganisation")
        : t("members.titleProvider");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <PageTitle text={title} caption={titleFor ? undefined : team?.name} />
        <OwnerPicker
          owners={owners}
          value={ownerId}
          onChange={(id) => {
            setOwnerId(id);
            setView({ name: "list" });
            setDone(null);
          }}
        />
        <RequestError error={error} />
        {!team && fetching && <Loading />}
        {team && view.name === "change" && (
          <ChangeRole team={team} member={view.member} onDone={finish} onBack={() => setView({ name: "list" })} />
        )}
        {team && view.name === "remove" && (
          <RemoveMember member={view.member} onDone={finish} onBack={() => setView({ name: "list" })} />
        )}
        {team && view.name === "revoke" && (
          <RevokeInvitation invitation={view.invitation} onDone={finish} onBack={() => setView({ name: "list" })} />
        )}
        {team && view.name === "list" && (
          <>
            {done && <SuccessBanner title={done} />}
            <Members team={team} onChange={(member) => setView({ name: "change", member })} onRemove={(member) => setView({ name: "remove", member })} />
            {team.viewerManages && (
              <>
                <Invitations invitations={team.invitations} onRevoke={(invitation) => setView({ name: "revoke", invitation })} />
                <InviteForm team={team} onDone={finish} />
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function Members({
  team,
  onChange,
  onRemove,
}: {
  team: TeamData;
  onChange(member: TeamMemberFieldsFragment): void;
  onRemove(member: TeamMemberFieldsFragment): void;
}) {
  const { t, label, date } = useI18n();
  return (
    <>
      <h2 className="govuk-heading-m">{t("members.members")}</h2>
      <ScrollRegion label={t("members.members")}>
        <table className="govuk-table" data-testid="team-members">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("members.name")}</th>
              <th scope="col" className="govuk-table__header">{t("members.email")}</th>
              <th scope="col" className="govuk-table__header">{t("members.role")}</th>
              <th scope="col" className="govuk-table__header">{t("members.since")}</th>
              {team.viewerManages && (
                <th scope="col" className="govuk-table__header">
                  {t("members.actions")}
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {team.members.map((member) => (
              <tr className="govuk-table__row" key={member.id} data-testid="team-member" data-email={member.email}>
                <td className="govuk-table__cell">{member.displayName}</td>
                <td className="govuk-table__cell govuk-!-text-break-word">{member.email}</td>
                <td className="govuk-table__cell" data-testid="member-role">
                  {label("members.roleName", member.role)}
                </td>
                <td className="govuk-table__cell">{date(member.since)}</td>
                {team.viewerManages && (
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      <li>
                        <button
                          type="button"
                          className="govuk-link parley-link-button"
                          aria-label={`${t("members.changeRole")} ${member.displayName}`}
                          onClick={() => onChange(member)}
                        >
                          {t("members.changeRole")}
                        </button>
                      </li>
                      <li>
                        <button
                          type="button"
                          className="govuk-link parley-link-button"
                          aria-label={`${t("members.remove")} ${member.displayName}`}
                          onClick={() => onRemove(member)}
                        >
                          {t("members.remove")}
                        </button>
                      </li>
                    </ul>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

const STATUS_COLOUR = { PENDING: "blue", ACCEPTED: "green", REVOKED: "grey", EXPIRED: "grey" } as const;

function Invitations({
  invitations,
  onRevoke,
}: {
  invitations: readonly StaffInvitationFieldsFragment[];
  onRevoke(invitation: StaffInvitationFieldsFragment): void;
}) {
  const { t, label, dateTime } = useI18n();
  const shown = invitations.filter((i) => i.status === "PENDING" || i.status === "EXPIRED");
  return (
    <>
      <h2 className="govuk-heading-m">{t("members.invitations")}</h2>
      {shown.length === 0 ? (
        <p className="govuk-body">{t("members.noInvitations")}</p>
      ) : (
        <ScrollRegion label={t("members.invitations")}>
          <table className="govuk-table" data-testid="team-invitations">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("members.email")}</th>
                <th scope="col" className="govuk-table__header">{t("members.role")}</th>
                <th scope="col" className="govuk-table__header">{t("members.status")}</th>
                <th scope="col" className="govuk-table__header">{t("members.expires")}</th>
                <th scope="col" className="govuk-table__header">
                  {t("members.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {shown.map((invitation) => (
                <tr className="govuk-table__row" key={invitation.id} data-testid="team-invitation" data-email={invitation.email}>
                  <td className="govuk-table__cell govuk-!-text-break-word">{invitation.email}</td>
                  <td className="govuk-table__cell">{label("members.roleName", invitation.role)}</td>
                  <td className="govuk-table__cell">
                    <Tag colour={STATUS_COLOUR[invitation.status]}>{label("members.status", invitation.status)}</Tag>
                  </td>
                  <td className="govuk-table__cell">{dateTime(invitation.expiresAt)}</td>
                  <td className="govuk-table__cell">
                    {invitation.status === "PENDING" && (
                      <button
                        type="button"
                        className="govuk-link parley-link-button"
                        aria-label={`${t("members.revoke")} ${invitation.email}`}
                        onClick={() => onRevoke(invitation)}
                      >
                        {t("members.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

function roleOptions(team: TeamData, t: ReturnType<typeof useI18n>["t"], label: ReturnType<typeof useI18n>["label"]) {
  return team.roles.map((role) => ({
    value: role,
    label: label("members.roleName", role),
    hint: role === team.managerRole ? t("members.managerHint") : undefined,
  }));
}

function InviteForm({ team, onDone }: { team: TeamData; onDone(message: string): void }) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [result, invite] = useMutation(InviteStaffDocument);
  const form = useForm({
    id: "invite-staff",
    fields: {
      email: { label: t("members.inviteEmail"), initial: "", required: true, kind: "email" },
      role: {
        label: t("members.inviteRole"),
        initial: "",
        required: true,
        requiredMessage: t("members.chooseRole"),
      },
    },
  });
  return (
    <>
      <h2 className="govuk-heading-m">{t("members.inviteTitle")}</h2>
      <p className="govuk-body">{t("members.inviteIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await invite({ ownerId: team.ownerId, email: values.email, role: values.role as Role });
          const payload = answer.data?.inviteStaff;
          if (payload?.invitation) {
            form.reset();
            onDone(t("members.invited", { email: payload.invitation.email }));
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("members.notSent") }];
        })}
      >
        <TextInput bound={form.bind("email")} type="email" autoComplete="off" spellCheck={false} />
        <Radios bound={form.bind("role")} options={roleOptions(team, t, label)} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("members.inviteSubmit")}</SubmitButton>
      </FormShell>
    </>
  );
}

function ChangeRole({
  team,
  member,
  onDone,
  onBack,
}: {
  team: TeamData;
  member: TeamMemberFieldsFragment;
  onDone(message: string): void;
  onBack(): void;
}) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [result, change] = useMutation(ChangeMemberRoleDocument);
  const form = useForm({
    id: "change-role",
    fields: { role: { label: t("members.newRole", { name: member.displayName }), initial: member.role as string, required: true } },
  });
  return (
    <>
      <h2 className="govuk-heading-m">{t("members.changeRoleTitle", { name: member.displayName })}</h2>
      <p className="govuk-body">{t("members.changeRoleIntro")}</p>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await change({ memberId: member.id, role: values.role as Role });
          const payload = answer.data?.changeMemberRole;
          if (payload?.member) {
            onDone(t("members.roleChanged", { name: member.displayName, role: label("members.roleName", payload.member.role) }));
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("members.notSent") }];
        })}
      >
        <Radios bound={form.bind("role")} options={roleOptions(team, t, label)} />
        <RequestError error={result.error} />
        <div className="govuk-button-group">
          <SubmitButton busy={result.fetching}>{t("members.changeRoleSubmit")}</SubmitButton>
          <button type="button" className="govuk-link parley-link-button" onClick={onBack}>
            {t("members.cancel")}
          </button>
        </div>
      </FormShell>
    </>
  );
}

function RemoveMember({
  member,
  onDone,
  onBack,
}: {
  member: TeamMemberFieldsFragment;
  onDone(message: string): void;
  onBack(): void;
}) {
  const { t, label } = useI18n();
  const [result, remove] = useMutation(RemoveMemberDocument);
  const [refused, setRefused] = useState<readonly UserErrorLike[]>([]);
  return (
    <CheckPage
      title={t("members.removeTitle", { name: member.displayName })}
      rows={[
        { key: t("members.name"), value: member.displayName },
        { key: t("members.email"), value: member.email },
        { key: t("members.role"), value: label("members.roleName", member.role) },
      ]}
      effect={t("members.removeEffect")}
      confirmLabel={t("members.removeConfirm")}
      busy={result.fetching}
      onBack={onBack}
      onConfirm={async () => {
        const answer = await remove({ memberId: member.id });
        const payload = answer.data?.removeMember;
        if (payload?.removedMemberId) onDone(t("members.removed", { name: member.displayName }));
        else setRefused(payload?.userErrors ?? []);
      }}
    >
      <UserErrors errors={refused} />
      <RequestError error={result.error} />
    </CheckPage>
  );
}

function RevokeInvitation({
  invitation,
  onDone,
  onBack,
}: {
  invitation: StaffInvitationFieldsFragment;
  onDone(message: string): void;
  onBack(): void;
}) {
  const { t, label, dateTime } = useI18n();
  const [result, revoke] = useMutation(RevokeStaffInvitationDocument);
  const [refused, setRefused] = useState<readonly UserErrorLike[]>([]);
  return (
    <CheckPage
      title={t("members.revokeTitle", { email: invitation.email })}
      rows={[
        { key: t("members.email"), value: invitation.email },
        { key: t("members.role"), value: label("members.roleName", invitation.role) },
        { key: t("members.expires"), value: dateTime(invitation.expiresAt) },
      ]}
      effect={t("members.revokeEffect")}
      confirmLabel={t("members.revokeConfirm")}
      busy={result.fetching}
      onBack={onBack}
      onConfirm={async () => {
        const answer = await revoke({ invitationId: invitation.id });
        const payload = answer.data?.revokeStaffInvitation;
        if (payload?.invitation) onDone(t("members.revoked", { email: invitation.email }));
        else setRefused(payload?.userErrors ?? []);
      }}
    >
      <UserErrors errors={refused} />
      <RequestError error={result.error} />
    </CheckPage>
  );
}
