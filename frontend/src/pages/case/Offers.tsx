import { useState } from "react";
import type { FormEvent } from "react";
import { RequestError, UserErrors } from "../../components/Status";
import {
  AcceptOfferDocument,
  MakeOfferDocument,
  RejectOfferDocument,
  WithdrawOfferDocument,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { sideOf } from "../../lib/scopes";
import type { ActionProps } from "./actions";
import { useAction } from "./useAction";

/** Offers and counter-offers (facilitative methods): the open one answered where it stands. */
export function Offers({ item, onDone }: ActionProps) {
  const { t, label, dateTime, money } = useI18n();
  const actions = new Set(item.availableActions);
  const mine = sideOf(item.viewerRoles);
  const accept = useAction(AcceptOfferDocument, onDone);
  const reject = useAction(RejectOfferDocument, onDone);
  const withdraw = useAction(WithdrawOfferDocument, onDone);
  const theirsOpen = item.offers.find((offer) => offer.status === "OPEN" && offer.side !== mine);
  if (item.offers.length === 0 && !actions.has("MAKE_OFFER")) return null;
  return (
    <section aria-labelledby="offers-heading" className="panel">
      <h2 id="offers-heading">{t("offers.title")}</h2>
      {item.offers.length === 0 && <p>{t("offers.none")}</p>}
      <ol className="offer-list">
        {item.offers.map((offer) => (
          <li key={offer.id} className={`offer offer-${offer.status.toLowerCase()}`}>
            <p>
              <strong>{money(offer.amount.amount, offer.amount.currency)}</strong>{" "}
              {t("offers.by", { side: label("side", offer.side) })} ·{" "}
              <span className="badge">{label("offerStatus", offer.status)}</span>
            </p>
            <p>{offer.terms}</p>
            <p className="muted">
              {t("offers.made", { date: dateTime(offer.madeAt) })}
              {offer.expiresAt && ` · ${t("offers.expires", { date: dateTime(offer.expiresAt) })}`}
            </p>
            {offer.status === "OPEN" && offer.side !== mine && (
              <div className="button-row">
                {actions.has("ACCEPT_OFFER") && (
                  <button
                    type="button"
                    disabled={accept.busy}
                    onClick={() => void accept.run({ caseId: item.id, expectedStage: item.stage, offerId: offer.id })}
                  >
                    {t("offers.accept")}
                  </button>
                )}
                {actions.has("REJECT_OFFER") && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={reject.busy}
                    onClick={() => void reject.run({ caseId: item.id, expectedStage: item.stage, offerId: offer.id })}
                  >
                    {t("offers.reject")}
                  </button>
                )}
              </div>
            )}
            {offer.status === "OPEN" && offer.side === mine && actions.has("WITHDRAW_OFFER") && (
              <button
                type="button"
                className="secondary"
                disabled={withdraw.busy}
                onClick={() => void withdraw.run({ caseId: item.id, expectedStage: item.stage, offerId: offer.id })}
              >
                {t("offers.withdraw")}
              </button>
            )}
          </li>
        ))}
      </ol>
      {[accept, reject, withdraw].map((action, index) => (
        <div key={index}>
          <UserErrors errors={action.errors} />
          <RequestError error={action.error} />
        </div>
      ))}
      {actions.has("MAKE_OFFER") && (
        <OfferForm item={item} onDone={onDone} replyingTo={theirsOpen?.id ?? null} />
      )}
    </section>
  );
}

function OfferForm({ item, onDone, replyingTo }: ActionProps & { replyingTo: string | null }) {
  const { t } = useI18n();
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState(item.claimedAmount?.currency ?? "EUR");
  const [terms, setTerms] = useState("");
  const action = useAction(MakeOfferDocument, onDone);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run({ caseId: item.id, expectedStage: item.stage, amount, currency, terms, replyingTo });
    if (ok) {
      setAmount("");
      setTerms("");
    }
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="offer-form-heading">
      <h3 id="offer-form-heading">{replyingTo ? t("offers.counter") : t("offers.make")}</h3>
      <div className="row">
        <label>
          {t("offers.amount")}
          <input
            required
            inputMode="decimal"
            pattern="[0-9]+([.][0-9]{1,2})?"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          {t("escalate.currency")}
          <input
            required
            maxLength={3}
            pattern="[A-Z]{3}"
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        </label>
      </div>
      <label>
        {t("offers.terms")}
        <textarea required rows={3} value={terms} onChange={(e) => setTerms(e.target.value)} />
      </label>
      <UserErrors errors={action.errors} />
      <RequestError error={action.error} />
      <button type="submit" disabled={action.busy}>
        {replyingTo ? t("offers.sendCounter") : t("offers.send")}
      </button>
    </form>
  );
}
