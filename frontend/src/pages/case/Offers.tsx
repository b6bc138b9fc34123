import { OfferExpiry } from "./records/OfferExpiry";
import { useState } from "react";
import { RequestError, useDescribeUserError } from "../../components/Status";
import {
  AmountInput,
  ErrorSummary,
  FormShell,
  SubmitButton,
  Textarea,
  TextInput,
  useForm,
  type FieldError,
} from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { CheckPage, Tag } from "../../design/patterns";
import {
  AcceptOfferDocument,
  MakeOfferDocument,
  RejectOfferDocument,
  WithdrawOfferDocument,
  type Currency,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { sideOf } from "../../lib/scopes";
import { focusSoon, type ActionProps } from "./actions";
import { useAction } from "./useAction";

type Offer = ActionProps["item"]["offers"][number];

/** Offers and counter-offers (facilitative methods): the open one answered where it stands.
 * Accepting settles the dispute: a check page states what that means, then the confirmation. */
export function Offers({ item, onDone }: ActionProps) {
  const { t, label, date, money } = useI18n();
  const actions = new Set(item.availableActions);
  const mine = sideOf(item.viewerRoles);
  const accept = useAction(AcceptOfferDocument, onDone);
  const reject = useAction(RejectOfferDocument, onDone);
  const withdraw = useAction(WithdrawOfferDocument, onDone);
  const describe = useDescribeUserError();
  const [checking, setChecking] = useState<Offer | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const theirsOpen = item.offers.find((offer) => offer.status === "OPEN" && offer.side !== mine);
  if (item.offers.length === 0 && !actions.has("MAKE_OFFER")) return null;

  const failed = (action: { lastErrors(): readonly { code: string; message: string }[] }) => {
    const refused = action.lastErrors();
    setErrors(
      refused.length ? refused.map((error) => ({ field: "", message: describe(error) })) : [{ field: "", message: t("form.notSent") }],
    );
  };

  if (checking) {
    const amount = money(checking.amount.amount, checking.amount.currency);
    return (
      <section aria-labelledby="offers-heading" className="parley-section">
        <h2 id="offers-heading" className="govuk-visually-hidden" tabIndex={-1}>
          {t("offers.title")}
        </h2>
        <CheckPage
          title={t("offers.checkTitle")}
          rows={[
            { key: t("offers.amount"), value: amount },
            { key: t("offers.terms"), value: <span className="parley-prose">{checking.terms}</span> },
            { key: t("offers.fromRow"), value: label("side", checking.side) },
          ]}
          effect={
            <>
              <p className="govuk-body">{t("offers.effectSettles", { amount })}</p>
              <p className="govuk-body">{t("offers.effectGivesUp")}</p>
              <p className="govuk-body">{t("offers.effectNotBinding", { amount })}</p>
            </>
          }
          confirmLabel={t("offers.accept")}
          busy={accept.busy}
          onConfirm={async () => {
            const ok = await accept.run(
              { caseId: item.id, expectedStage: item.stage, offerId: checking.id },
              { title: t("offers.accepted", { amount }), next: t("offers.acceptedNext"), receipt: true },
            );
            if (ok) setChecking(null);
            else failed(accept);
          }}
          onBack={() => {
            setErrors([]);
            setChecking(null);
            focusSoon("offers-heading");
          }}
        >
          <ErrorSummary errors={errors} fieldId={(name) => name} />
          <RequestError error={accept.error} />
        </CheckPage>
      </section>
    );
  }

  return (
    <section aria-labelledby="offers-heading" className="parley-section">
      <h2 id="offers-heading" className="govuk-heading-m" tabIndex={-1}>
        {t("offers.title")}
      </h2>
      <ErrorSummary errors={errors} fieldId={(name) => name} />
      {item.offers.length === 0 && <p className="govuk-body">{t("offers.none")}</p>}
      <ol className="parley-cards" data-testid="offers">
        {[...item.offers].reverse().map((offer) => (
          <li key={offer.id} className={`parley-card offer-${offer.status.toLowerCase()}`}>
            <p className="govuk-body">
              <strong>{money(offer.amount.amount, offer.amount.currency)}</strong>{" "}
              {t("offers.by", { side: label("side", offer.side) })}{" "}
              <Tag colour={offer.status === "OPEN" ? "blue" : "grey"}>{label("offerStatus", offer.status)}</Tag>
            </p>
            <p className="govuk-body parley-prose">{offer.terms}</p>
            <p className="govuk-body-s">
              {t("offers.made", { date: date(offer.madeAt) })}
            </p>
            <OfferExpiry offer={offer} />
            {offer.status === "OPEN" && offer.side !== mine && (
              <div className="govuk-button-group">
                {actions.has("ACCEPT_OFFER") && (
                  <button
                    type="button"
                    className="govuk-button"
                    onClick={() => {
                      setErrors([]);
                      setChecking(offer);
                    }}
                  >
                    {t("offers.accept")}
                  </button>
                )}
                {actions.has("REJECT_OFFER") && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    disabled={reject.busy}
                    onClick={async () => {
                      const ok = await reject.run(
                        { caseId: item.id, expectedStage: item.stage, offerId: offer.id },
                        { title: t("offers.rejected") },
                      );
                      if (!ok) failed(reject);
                    }}
                  >
                    {t("offers.reject")}
                  </button>
                )}
              </div>
            )}
            {offer.status === "OPEN" && offer.side === mine && actions.has("WITHDRAW_OFFER") && (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={withdraw.busy}
                onClick={async () => {
                  const ok = await withdraw.run(
                    { caseId: item.id, expectedStage: item.stage, offerId: offer.id },
                    { title: t("offers.withdrawn") },
                  );
                  if (!ok) failed(withdraw);
                }}
              >
                {t("offers.withdraw")}
              </button>
            )}
          </li>
        ))}
      </ol>
      <RequestError error={reject.error ?? withdraw.error} />
      {actions.has("MAKE_OFFER") && <OfferForm item={item} onDone={onDone} replyingTo={theirsOpen?.id ?? null} />}
    </section>
  );
}

function OfferForm({ item, onDone, replyingTo }: ActionProps & { replyingTo: string | null }) {
  const { t, money } = useI18n();
  const action = useAction(MakeOfferDocument, onDone);
  const describe = useDescribeUserError();
  const form = useForm({
    id: "offer",
    draft: true,
    fields: {
      amount: { label: t("offers.amount"), initial: "", required: true, kind: "amount" },
      currency: { label: t("escalate.currency"), initial: item.claimedAmount?.currency ?? "EUR", required: true },
      terms: { label: t("offers.terms"), initial: "", required: true, maxLength: LIMITS.text },
    },
    validate: (values) =>
      /^[A-Za-z]{3}$/.test(String(values.currency).trim())
        ? []
        : [{ field: "currency", message: t("form.errorCurrency", { field: t("escalate.currency") }) }],
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const currency = String(values.currency).trim().toUpperCase() as Currency;
        const ok = await action.run(
          {
            caseId: item.id,
            expectedStage: item.stage,
            amount: String(values.amount),
            currency,
            terms: String(values.terms),
            replyingTo,
          },
          { title: t("offers.sent", { amount: money(String(values.amount), currency) }) },
        );
        if (ok) return [];
        const refused = action.lastErrors();
        return refused.length ? form.fromUserErrors(refused, describe) : [{ field: "", message: t("form.notSent") }];
      })}
    >
      <h3 className="govuk-heading-s" id="offer-form-heading">
        {replyingTo ? t("offers.counter") : t("offers.make")}
      </h3>
      <AmountInput bound={form.bind("amount")} />
      <TextInput bound={form.bind("currency")} width="3" spellCheck={false} hint={t("form.currencyHint")} />
      <Textarea bound={form.bind("terms")} rows={3} />
      <RequestError error={action.error} />
      <SubmitButton busy={action.busy}>{replyingTo ? t("offers.sendCounter") : t("offers.send")}</SubmitButton>
    </FormShell>
  );
}
