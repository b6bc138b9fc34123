import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, Textarea, TextInput, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SuccessBanner } from "../../design/patterns";
import { ProviderForEditingDocument, UpdateProviderProfileDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { OwnerPicker } from "./OwnerPicker";
import { ownersOf } from "./owners";

export interface Profile {
  summary: string;
  website: string;
  contactEmail: string;
  postalAddress: string;
  languages: readonly string[];
  disputeTypes: string;
  rulesUrl: string;
  fees: string;
}

/** A comma-separated list as the API takes it: trimmed, no empty entries. */
export function listOf(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What a provider publishes (EU ADR Art. 7(1)), kept by its caseworkers. */
export function ProviderProfile() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const owners = ownersOf(viewer, "provider");
  const [providerId, setProviderId] = useState(owners[0]?.id ?? "");
  const [{ data, fetching, error }] = useQuery({
    query: ProviderForEditingDocument,
    variables: { id: providerId },
    pause: !providerId,
    requestPolicy: "network-only",
  });
  const provider = data?.node?.__typename === "Provider" ? data.node : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("members.profileTitle")} caption={provider?.name} />
        <p className="govuk-body">{t("members.profileIntro")}</p>
        <OwnerPicker owners={owners} value={providerId} onChange={setProviderId} />
        <RequestError error={error} />
        {fetching && !provider && <Loading />}
        {provider && <ProfileForm key={providerId} providerId={providerId} profile={provider.profile ?? null} />}
      </div>
    </div>
  );
}

function ProfileForm({ providerId, profile }: { providerId: string; profile: Profile | null }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, update] = useMutation(UpdateProviderProfileDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    id: "provider-profile",
    fields: {
      summary: { label: t("members.profileSummary"), initial: profile?.summary ?? "", maxLength: LIMITS.text },
      website: { label: t("members.profileWebsite"), initial: profile?.website ?? "", serverNames: ["website"] },
      contactEmail: {
        label: t("members.profileContactEmail"),
        initial: profile?.contactEmail ?? "",
        kind: "email",
        serverNames: ["contact_email", "contactEmail"],
      },
      postalAddress: {
        label: t("members.profilePostalAddress"),
        initial: profile?.postalAddress ?? "",
        serverNames: ["postal_address", "postalAddress"],
      },
      languages: {
        label: t("members.profileLanguages"),
        initial: (profile?.languages ?? []).join(", "),
        serverNames: ["languages"],
      },
      disputeTypes: {
        label: t("members.profileDisputeTypes"),
        initial: profile?.disputeTypes ?? "",
        maxLength: LIMITS.text,
        serverNames: ["dispute_types", "disputeTypes"],
      },
      rulesUrl: { label: t("members.profileRulesUrl"), initial: profile?.rulesUrl ?? "", serverNames: ["rules_url", "rulesUrl"] },
      fees: { label: t("members.profileFees"), initial: profile?.fees ?? "", maxLength: LIMITS.text },
    },
  });
  return (
    <>
      {saved && <SuccessBanner title={t("members.profileSaved")} />}
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          setSaved(false);
          const answer = await update({
            input: {
              providerId,
              summary: values.summary,
              website: values.website,
              contactEmail: values.contactEmail,
              postalAddress: values.postalAddress,
              languages: listOf(values.languages),
              disputeTypes: values.disputeTypes,
              rulesUrl: values.rulesUrl,
              fees: values.fees,
            },
          });
          const payload = answer.data?.updateProviderProfile;
          if (payload?.provider) {
            setSaved(true);
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("members.notSent") }];
        })}
      >
        <Textarea bound={form.bind("summary")} rows={4} />
        <TextInput bound={form.bind("website")} type="text" inputMode="text" hint={t("members.urlHint")} spellCheck={false} />
        <TextInput bound={form.bind("contactEmail")} type="email" spellCheck={false} />
        <Textarea bound={form.bind("postalAddress")} rows={3} />
        <TextInput bound={form.bind("languages")} hint={t("members.languagesHint")} spellCheck={false} />
        <Textarea bound={form.bind("disputeTypes")} rows={3} />
        <TextInput bound={form.bind("rulesUrl")} hint={t("members.urlHint")} spellCheck={false} />
        <Textarea bound={form.bind("fees")} rows={3} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("members.save")}</SubmitButton>
      </FormShell>
    </>
  );
}
