import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import {
  Checkbox,
  type FieldSpecs,
  FormShell,
  Radios,
  SubmitButton,
  Textarea,
  TextInput,
  useForm,
} from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SuccessBanner, SummaryList } from "../../design/patterns";
import {
  CommitmentsForEditingDocument,
  RemoveCommitmentDocument,
  SetCommitmentDocument,
  type ClockCalendar,
  type CommitmentKind,
  type CommitmentsForEditingQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { OwnerPicker } from "./OwnerPicker";
import { ownersOf } from "./owners";
import { useTerms } from "./commitmentTerms";

type Commitment = CommitmentsForEditingQuery["organisationCommitments"][number];

// In the order the server lists them (CommitmentKind).
export const KINDS: readonly CommitmentKind[] = [
  "ACKNOWLEDGE_COMPLAINT",
  "RESPOND_COMPLAINT",
  "RESPOND_DISPUTE",
  "REMEDIES",
  "LANGUAGES",
  "ACCESSIBILITY",
];
const TIMED: readonly CommitmentKind[] = ["ACKNOWLEDGE_COMPLAINT", "RESPOND_COMPLAINT", "RESPOND_DISPUTE"];
// The server's Remedy enum; items carry them in lower case.
type Remedy = "APOLOGY" | "EXPLANATION" | "CORRECTION" | "REPLACEMENT" | "REFUND" | "COMPENSATION";
const REMEDIES: readonly Remedy[] = ["APOLOGY", "EXPLANATION", "CORRECTION", "REPLACEMENT", "REFUND", "COMPENSATION"];
const DAYS = /^\d{1,3}$/;

/** An organisation's code-of-conduct commitments (ISO 10001), one form per kind, each with its
 * public wording in both languages. Its managers only (the server decides again). */
export function Commitments() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const owners = ownersOf(viewer, "organisation");
  const [organisationId, setOrganisationId] = useState(owners[0]?.id ?? "");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CommitmentsForEditingDocument,
    variables: { organisationId },
    pause: !organisationId,
    requestPolicy: "network-only",
  });
  const [banner, setBanner] = useState({ title: "", shown: 0 });
  const done = (title: string) => {
    setBanner((before) => ({ title, shown: before.shown + 1 }));
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle text={t("commitments.title")} caption={owners.find((o) => o.id === organisationId)?.name} />
        {banner.title && <SuccessBanner key={banner.shown} title={banner.title} />}
        <p className="govuk-body">{t("commitments.intro")}</p>
        <OwnerPicker owners={owners} value={organisationId} onChange={setOrganisationId} />
        <RequestError error={error} />
        {fetching && !data && <Loading />}
        {data &&
          KINDS.map((kind) => (
            <KindSection
              // A saved or withdrawn commitment starts its form afresh from what is recorded.
              key={`${organisationId}-${kind}-${data.organisationCommitments.find((c) => c.kind === kind)?.updatedAt ?? ""}`}
              organisationId={organisationId}
              kind={kind}
              current={data.organisationCommitments.find((c) => c.kind === kind)}
              onDone={done}
            />
          ))}
      </div>
    </div>
  );
}

function KindSection({
  organisationId,
  kind,
  current,
  onDone,
}: {
  organisationId: string;
  kind: CommitmentKind;
  current: Commitment | undefined;
  onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  const terms = useTerms();
  const describe = useDescribeUserError();
  const [result, save] = useMutation(SetCommitmentDocument);
  const [removal, remove] = useMutation(RemoveCommitmentDocument);
  const timed = TIMED.includes(kind);
  const fields: FieldSpecs = {
      // Required where they apply: a time needs its days, a language commitment its languages.
      days: {
        label: t("commitments.days"),
        initial: current?.days ? String(current.days) : "",
        required: timed,
        requiredMessage: t("commitments.errorDays"),
        serverNames: ["days"],
      },
      calendar: {
        label: t("commitments.calendar"),
        initial: current?.calendar ?? "WORKING_DAYS",
        serverNames: ["calendar"],
      },
      languages: {
        label: t("commitments.languages"),
        initial: kind === "LANGUAGES" ? (current?.items ?? []).join(", ") : "",
        required: kind === "LANGUAGES",
        requiredMessage: t("commitments.errorLanguages"),
        serverNames: kind === "LANGUAGES" ? ["items"] : [],
      },
      ...Object.fromEntries(
        REMEDIES.map((remedy, index) => [
          `remedy${remedy}`,
          {
            label: t(`commitments.remedy.${remedy}` as const),
            initial: (current?.items ?? []).includes(remedy.toLowerCase()),
            serverNames: kind === "REMEDIES" && index === 0 ? ["items"] : [],
          },
        ]),
      ),
      wordingEn: {
        label: t("commitments.wordingEn"),
        initial: current?.wordingEn ?? "",
        required: true,
        maxLength: LIMITS.commitmentWording,
        serverNames: ["wordingEn"],
      },
      wordingZhHans: {
        label: t("commitments.wordingZhHans"),
        initial: current?.wordingZhHans ?? "",
        required: true,
        maxLength: LIMITS.commitmentWording,
        serverNames: ["wordingZhHans"],
      },
  };
  const form = useForm({
    id: `commitment-${kind.toLowerCase()}`,
    fields,
    validate: (values) => {
      const errors = [];
      if (timed) {
        const days = String(values.days).trim();
        // Empty: the field is required, and says so once.
        if (days && (!DAYS.test(days) || Number(days) < 1 || Number(days) > 365))
          errors.push({ field: "days", message: t("commitments.errorDays") });
      }
      if (kind === "REMEDIES" && !REMEDIES.some((remedy) => values[`remedy${remedy}`] === true))
        errors.push({ field: `remedy${REMEDIES[0]}`, message: t("commitments.errorRemedies") });
      const languages = String(values.languages);
      if (kind === "LANGUAGES" && languages.trim() && languagesOf(languages).length === 0)
        errors.push({ field: "languages", message: t("commitments.errorLanguages") });
      return errors;
    },
  });
  const editor = (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await save({
          input: {
            organisationId,
            kind,
            wordingEn: String(values.wordingEn),
            wordingZhHans: String(values.wordingZhHans),
            days: timed ? Number(String(values.days).trim()) : null,
            calendar: timed ? (values.calendar as ClockCalendar) : null,
            items:
              kind === "REMEDIES"
                ? REMEDIES.filter((remedy) => values[`remedy${remedy}`] === true).map((r) => r.toLowerCase())
                : kind === "LANGUAGES"
                  ? languagesOf(String(values.languages))
                  : [],
          },
        });
        const payload = answer.data?.setCommitment;
        if (payload?.commitment) {
          onDone(t("commitments.saved"));
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("commitments.notSent") }];
      })}
    >
      {timed && (
        <>
          <TextInput bound={form.bind("days")} inputMode="numeric" width="3" hint={t("commitments.daysHint")} />
          <Radios
            bound={form.bind("calendar")}
            options={[
              { value: "WORKING_DAYS", label: t("commitments.workingDays") },
              { value: "CALENDAR_DAYS", label: t("commitments.calendarDays") },
            ]}
          />
        </>
      )}
      {kind === "REMEDIES" && (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("commitments.remedies")}</legend>
          {REMEDIES.map((remedy) => (
            <Checkbox key={remedy} bound={form.bind(`remedy${remedy}`)} />
          ))}
        </fieldset>
      )}
      {kind === "LANGUAGES" && <TextInput bound={form.bind("languages")} hint={t("commitments.languagesHint")} />}
      <Textarea bound={form.bind("wordingEn")} rows={3} hint={t("commitments.wordingHint")} />
      <Textarea bound={form.bind("wordingZhHans")} rows={3} hint={t("commitments.wordingHint")} />
      <RequestError error={result.error ?? removal.error} />
      <div className="govuk-button-group">
        <SubmitButton busy={result.fetching}>{t("commitments.save")}</SubmitButton>
        {current && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={removal.fetching}
            onClick={async () => {
              const answer = await remove({ input: { organisationId, kind } });
              if (answer.data?.removeCommitment.removed) onDone(t("commitments.removed"));
            }}
          >
            {t("commitments.remove")}
          </button>
        )}
      </div>
    </FormShell>
  );
  const headingId = `commitment-${kind.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={headingId} className="parley-section" data-testid={`commitment-${kind}`}>
      <h2 id={headingId} className="govuk-heading-m">
        {t(`commitments.kind.${kind}`)}
      </h2>
      <p className="govuk-hint">{t(`commitments.kindHint.${kind}`)}</p>
      {current ? (
        <SummaryList
          rows={[
            ...(kind === "ACCESSIBILITY" ? [] : [{ key: t("commitments.current"), value: terms(current) }]),
            { key: t("commitments.wordingEn"), value: <span lang="en">{current.wordingEn}</span> },
            { key: t("commitments.wordingZhHans"), value: <span lang="zh-Hans">{current.wordingZhHans}</span> },
          ]}
        />
      ) : (
        <p className="govuk-body">{t("commitments.notSet")}</p>
      )}
      {current ? (
        // A commitment already made is read first; its form is one step away (a phone would
        // otherwise scroll through six open forms).
        <details className="govuk-details" data-testid={`commitment-${kind}-change`}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {t("commitments.change")}
              <span className="govuk-visually-hidden">: {t(`commitments.kind.${kind}`)}</span>
            </span>
          </summary>
          <div className="govuk-details__text">{editor}</div>
        </details>
      ) : (
        editor
      )}
    </section>
  );
}

function languagesOf(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}
