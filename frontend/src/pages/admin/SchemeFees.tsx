import { useMutation, useQuery } from "urql";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { AmountInput, FormShell, Select, SubmitButton, TextInput, useForm, type FieldSpec } from "../../design/forms";
import {
  SchemeFeeScheduleDocument,
  SetSchemeFeeScheduleDocument,
  type CaseStage,
  type Currency,
  type FeeBandInput,
  type FeePayer,
  type SchemeFeeScheduleQuery,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

// The stages a case may wait at for its fees (the server refuses any other: INVALID_CHOICE).
const HOLD_STAGES: CaseStage[] = ["REFERRED", "ACCEPTED", "AWAITING_RESPONSE", "FILE_REVIEW"];
const PAYERS: FeePayer[] = ["COMPLAINANT", "ORGANISATION"];
const ROWS = [0, 1, 2] as const;
type Schedule = NonNullable<SchemeFeeScheduleQuery["schemeFeeSchedule"]>;

const name = (payer: FeePayer, row: number, part: "From" | "Fee") => `${payer.toLowerCase()}${row}${part}`;

/** A scheme's fee schedule (issue 20), where its other rules are set: for each payer up to
 * three bands, each "claims from this value: this fee" (a band ends where the next begins),
 * the currency, and the stage a case waits at until its fees are paid or waived. */
export function SchemeFees({ schemeId, done }: { schemeId: string; done(message: string): void }) {
  const [{ data, error }] = useQuery({ query: SchemeFeeScheduleDocument, variables: { schemeId }, requestPolicy: "cache-and-network" });
  if (error) return <RequestError error={error} />;
  if (!data) return null;
  return <FeeForm key={JSON.stringify(data.schemeFeeSchedule)} schemeId={schemeId} schedule={data.schemeFeeSchedule ?? null} done={done} />;
}

function FeeForm({ schemeId, schedule, done }: { schemeId: string; schedule: Schedule | null; done(message: string): void }) {
  const { t, label } = useI18n();
  const describe = useDescribeUserError();
  const [state, save] = useMutation(SetSchemeFeeScheduleDocument);
  const fields: Record<string, FieldSpec> = {
    currency: { label: t("admin.fees.currency"), initial: schedule?.currency ?? "EUR", required: true },
    holdsAt: { label: t("admin.fees.holdsAt"), initial: schedule?.holdsAt ?? "" },
  };
  for (const payer of PAYERS) {
    const bands = (schedule?.bands ?? []).filter((band) => band.payer === payer);
    for (const row of ROWS) {
      const payerName = label("feePayer", payer);
      fields[name(payer, row, "From")] = {
        label: t("admin.fees.from", { payer: payerName, row: row + 1 }),
        initial: bands[row]?.claimsFrom.amount ?? "",
        kind: "amount",
      };
      fields[name(payer, row, "Fee")] = {
        label: t("admin.fees.fee", { payer: payerName, row: row + 1 }),
        initial: bands[row]?.fee.amount ?? "",
        kind: "amount",
      };
    }
  }
  const form = useForm({ id: "scheme-fees", fields });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const bands: FeeBandInput[] = [];
        for (const payer of PAYERS) {
          const given = ROWS.map((row) => ({ from: String(values[name(payer, row, "From")]), fee: String(values[name(payer, row, "Fee")]) }))
            .filter((band) => band.from !== "" && band.fee !== "")
            .sort((a, b) => Number(a.from) - Number(b.from));
          given.forEach((band, index) =>
            bands.push({ payer, claimsFrom: band.from, claimsBelow: given[index + 1]?.from ?? null, fee: band.fee }),
          );
        }
        const answer = await save({
          input: {
            schemeId,
            currency: String(values.currency).trim().toUpperCase() as Currency,
            holdsAt: (values.holdsAt || null) as CaseStage | null,
            bands,
          },
        });
        const payload = answer.data?.setSchemeFeeSchedule;
        if (payload && payload.userErrors.length === 0) {
          done(t("admin.fees.saved"));
          return [];
        }
        return payload ? form.fromUserErrors(payload.userErrors, describe) : [{ field: "", message: t("form.notSent") }];
      })}
    >
      <h2 className="govuk-heading-m">{t("admin.fees.title")}</h2>
      <p className="govuk-body">{t("admin.fees.intro")}</p>
      <TextInput bound={form.bind("currency")} width="3" spellCheck={false} hint={t("form.currencyHint")} />
      <Select
        bound={form.bind("holdsAt")}
        chooseLabel={t("admin.fees.holdsNowhere")}
        options={HOLD_STAGES.map((stage) => ({ value: stage, label: label("stage", stage) }))}
      />
      {PAYERS.map((payer) => (
        <fieldset key={payer} className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("admin.fees.bandsOf", { payer: label("feePayer", payer) })}</legend>
          {ROWS.map((row) => (
            <div key={row} className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <AmountInput bound={form.bind(name(payer, row, "From"))} />
              </div>
              <div className="govuk-grid-column-one-half">
                <AmountInput bound={form.bind(name(payer, row, "Fee"))} />
              </div>
            </div>
          ))}
        </fieldset>
      ))}
      <RequestError error={state.error} />
      <SubmitButton busy={state.fetching}>{t("admin.fees.save")}</SubmitButton>
    </FormShell>
  );
}
