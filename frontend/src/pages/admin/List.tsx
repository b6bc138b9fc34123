import { useState } from "react";
import type { CombinedError } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, type UserErrorLike } from "../../components/Status";
import { ScrollRegion, SuccessBanner } from "../../design/patterns";
import { useI18n, type MessageKey } from "../../i18n";
import { AdminMenu, DetailsForm, StatusTag, type SentDetails } from "./common";

export interface Listed {
  id: string;
  name: string;
  slug: string;
  country: string | null;
  retiredAt?: string | null;
}

/** The texts of one list page (organisations or providers). */
export interface ListTexts {
  title: MessageKey;
  created: MessageKey;
  openCreated: MessageKey;
  none: MessageKey;
  table: MessageKey;
  add: MessageKey;
  addButton: MessageKey;
}

/** An admin list of organisations or providers, retired ones too, and the form that adds
 * one: the one page both lists are (Organisations.tsx, Providers.tsx give it their data). */
export function AdminList({
  kind,
  texts,
  rows,
  loading,
  error,
  creating,
  createError,
  onCreate,
}: {
  kind: "organisations" | "providers";
  texts: ListTexts;
  rows: readonly Listed[] | null;
  loading: boolean;
  error?: CombinedError;
  creating: boolean;
  createError?: CombinedError;
  /** Sends the new one with `idempotencyKey`; answers what was made, and the refusals. */
  onCreate(
    values: SentDetails,
    idempotencyKey: string,
  ): Promise<{ made: Listed | null; userErrors: readonly UserErrorLike[] } | null>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const href = (id: string) => `/admin/${kind}/${encodeURIComponent(id)}`;
  return (
    <>
      <PageTitle text={t(texts.title)} caption={t("admin.caption")} />
      <AdminMenu current={kind} />
      {done && (
        <SuccessBanner title={t(texts.created, { name: done.name })}>
          <p className="govuk-body">
            <Link href={href(done.id)} className="govuk-link">
              {t(texts.openCreated, { name: done.name })}
            </Link>
          </p>
        </SuccessBanner>
      )}
      {loading && !rows && <Loading />}
      <RequestError error={error} />
      {rows && rows.length === 0 && <p className="govuk-body">{t(texts.none)}</p>}
      {rows && rows.length > 0 && (
        <ScrollRegion label={t(texts.table)}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t(texts.table)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("admin.name")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.slug")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.country")}</th>
                <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  <td className="govuk-table__cell">
                    <Link href={href(row.id)} className="govuk-link">
                      {row.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{row.slug}</td>
                  <td className="govuk-table__cell">{row.country}</td>
                  <td className="govuk-table__cell">
                    <StatusTag retiredAt={row.retiredAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2 className="govuk-heading-m">{t(texts.add)}</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DetailsForm
            id={`create-${kind}`}
            initial={{ slug: "", name: "", country: "" }}
            submitLabel={t(texts.addButton)}
            busy={creating}
            onSend={async (values) => {
              const answer = await onCreate(values, key);
              if (!answer) return null;
              // Made or refused: what is sent next is another request, with a key of its own.
              setKey(crypto.randomUUID());
              if (answer.made) setDone({ id: answer.made.id, name: answer.made.name });
              return answer.userErrors;
            }}
          />
          <RequestError error={createError} />
        </div>
      </div>
    </>
  );
}
