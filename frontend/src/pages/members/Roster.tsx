import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { Checkbox, FormShell, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { ScrollRegion, SuccessBanner } from "../../design/patterns";
import {
  ProviderForEditingDocument,
  SetNeutralMandateDocument,
  UpdateNeutralProfileDocument,
  type ProviderForEditingQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { OwnerPicker } from "./OwnerPicker";
import { ownersOf } from "./owners";
import { listOf } from "./ProviderProfile";

type ProviderNode = Extract<NonNullable<ProviderForEditingQuery["node"]>, { __typename: "Provider" }>;
type Neutral = ProviderNode["roster"]["edges"][number]["node"];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A provider's roster (EU ADR Art. 7(1)(b)): its neutrals' titles, competences, languages,
 * standing disclosures and mandates. People join it by invitation (the team page). */
export function Roster() {
  const { t, date } = useI18n();
  const { viewer } = useAuth();
  const owners = ownersOf(viewer, "provider");
  const [providerId, setProviderId] = useState(owners[0]?.id ?? "");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProviderForEditingDocument,
    variables: { id: providerId },
    pause: !providerId,
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Neutral | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const provider = data?.node?.__typename === "Provider" ? data.node : null;
  const neutrals = provider?.roster.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <PageTitle text={t("members.rosterTitle")} caption={provider?.name} />
        <OwnerPicker owners={owners} value={providerId} onChange={setProviderId} />
        <RequestError error={error} />
        {fetching && !provider && <Loading />}
        {editing ? (
          <NeutralForm
            key={editing.userId}
            providerId={providerId}
            neutral={editing}
            onBack={() => setEditing(null)}
            onSaved={() => {
              setSaved(t("members.rosterSaved", { name: editing.displayName }));
              setEditing(null);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        ) : (
          provider && (
            <>
              {saved && <SuccessBanner title={saved} />}
              <p className="govuk-body">{t("members.rosterIntro")}</p>
              {neutrals.length === 0 ? (
                <p className="govuk-body">{t("members.rosterEmpty")}</p>
              ) : (
                <ScrollRegion label={t("members.rosterTitle")}>
                  <table className="govuk-table" data-testid="roster">
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">{t("members.name")}</th>
                        <th scope="col" className="govuk-table__header">{t("members.neutralCompetences")}</th>
                        <th scope="col" className="govuk-table__header">{t("members.neutralLanguages")}</th>
                        <th scope="col" className="govuk-table__header">{t("members.neutralMandateEnds")}</th>
                        <th scope="col" className="govuk-table__header">
                          {t("members.actions")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {neutrals.map((neutral) => (
                        <tr className="govuk-table__row" key={neutral.userId}>
                          <td className="govuk-table__cell">
                            {neutral.displayName}
                            {neutral.title && <span className="govuk-caption-s">{neutral.title}</span>}
                          </td>
                          <td className="govuk-table__cell">{neutral.competences.join(", ")}</td>
                          <td className="govuk-table__cell">{neutral.languages.join(", ")}</td>
                          <td className="govuk-table__cell">
                            {neutral.mandateEndsOn ? date(neutral.mandateEndsOn) : t("members.openEnded")}
                          </td>
                          <td className="govuk-table__cell">
                            <button
                              type="button"
                              className="govuk-link parley-link-button"
                              aria-label={`${t("members.edit")} ${neutral.displayName}`}
                              onClick={() => setEditing(neutral)}
                            >
                              {t("members.edit")}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </>
          )
        )}
      </div>
    </div>
  );
}

function NeutralForm({
  providerId,
  neutral,
  onBack,
  onSaved,
}: {
  providerId: string;
  neutral: Neutral;
  onBack(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [profileResult, updateProfile] = useMutation(UpdateNeutralProfileDocument);
  const [mandateResult, setMandate] = useMutation(SetNeutralMandateDocument);
  const form = useForm({
    id: "neutral-profile",
    fields: {
      title: { label: t("members.neutralTitle"), initial: neutral.title, maxLength: 200 },
      competences: { label: t("members.neutralCompetences"), initial: neutral.competences.join(", ") },
      languages: { label: t("members.neutralLanguages"), initial: neutral.languages.join(", ") },
      standingDisclosures: {
        label: t("members.neutralDisclosures"),
        initial: neutral.standingDisclosures,
        maxLength: LIMITS.text,
        serverNames: ["standing_disclosures", "standingDisclosures"],
      },
      acceptingCases: { label: t("members.neutralAccepting"), initial: neutral.acceptingCases },
      mandateEndsOn: {
        label: t("members.neutralMandateEnds"),
        initial: neutral.mandateEndsOn ?? "",
        serverNames: ["mandate_ends_on", "mandateEndsOn"],
      },
    },
    validate: (values) =>
      values.mandateEndsOn && !ISO_DATE.test(String(values.mandateEndsOn))
        ? [{ field: "mandateEndsOn", message: t("members.errorDate") }]
        : [],
  });
  const busy = profileResult.fetching || mandateResult.fetching;
  return (
    <>
      <h2 className="govuk-heading-m">{t("members.neutralEditTitle", { name: neutral.displayName })}</h2>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const first = await updateProfile({
            input: {
              providerId,
              neutralId: neutral.userId,
              title: values.title,
              competences: listOf(values.competences),
              languages: listOf(values.languages),
              standingDisclosures: values.standingDisclosures,
              acceptingCases: values.acceptingCases === true,
            },
          });
          const profile = first.data?.updateNeutralProfile;
          if (!profile) return [{ field: "", message: t("members.notSent") }];
          if (profile.userErrors.length) return form.fromUserErrors(profile.userErrors, describe);
          const second = await setMandate({
            input: {
              providerId,
              neutralId: neutral.userId,
              methods: [...neutral.methods],
              mandateEndsOn: values.mandateEndsOn || null,
            },
          });
          const mandate = second.data?.setNeutralMandate;
          if (!mandate) return [{ field: "", message: t("members.notSent") }];
          if (mandate.userErrors.length) return form.fromUserErrors(mandate.userErrors, describe);
          onSaved();
          return [];
        })}
      >
        <TextInput bound={form.bind("title")} />
        <TextInput bound={form.bind("competences")} hint={t("members.listHint")} />
        <TextInput bound={form.bind("languages")} hint={t("members.languagesHint")} spellCheck={false} />
        <Textarea bound={form.bind("standingDisclosures")} rows={4} hint={t("members.neutralDisclosuresHint")} />
        <Checkbox bound={form.bind("acceptingCases")} />
        <TextInput bound={form.bind("mandateEndsOn")} width="10" hint={t("members.dateHint")} />
        <RequestError error={profileResult.error ?? mandateResult.error} />
        <div className="govuk-button-group">
          <SubmitButton busy={busy}>{t("members.save")}</SubmitButton>
          <button type="button" className="govuk-link parley-link-button" onClick={onBack}>
            {t("members.cancel")}
          </button>
        </div>
      </FormShell>
    </>
  );
}
