import { useMemo } from "react";
import { useMutation, useQuery } from "urql";
import { AdminOrganisationsDocument, CreateOrganisationDocument } from "../../gql/graphql";
import { AdminList } from "./List";

/** Every organisation, retired ones too, and the form that adds one. */
export function AdminOrganisations() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrganisationsDocument, requestPolicy: "cache-and-network" });
  const [created, create] = useMutation(CreateOrganisationDocument);
  const rows = useMemo(() => data?.organisations.edges.map((edge) => edge.node) ?? null, [data]);
  return (
    <AdminList
      kind="organisations"
      texts={{
        title: "admin.organisations.title",
        created: "admin.organisations.created",
        openCreated: "admin.organisations.openCreated",
        none: "admin.organisations.none",
        table: "admin.organisations.table",
        add: "admin.organisations.add",
        addButton: "admin.organisations.addButton",
      }}
      rows={rows}
      loading={fetching}
      error={error}
      creating={created.fetching}
      createError={created.error}
      onCreate={async (values, idempotencyKey) => {
        const payload = (await create({ input: { ...values, idempotencyKey } })).data?.createOrganisation;
        if (!payload) return null;
        if (payload.organisation) refetch({ requestPolicy: "network-only" });
        return { made: payload.organisation ?? null, userErrors: payload.userErrors };
      }}
    />
  );
}
