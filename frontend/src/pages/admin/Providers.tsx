import { useMemo } from "react";
import { useMutation, useQuery } from "urql";
import { AdminProvidersDocument, CreateProviderDocument } from "../../gql/graphql";
import { AdminList } from "./List";

/** Every provider, retired ones too, and the form that adds one. */
export function AdminProviders() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminProvidersDocument, requestPolicy: "cache-and-network" });
  const [created, create] = useMutation(CreateProviderDocument);
  const rows = useMemo(() => data?.providers.edges.map((edge) => edge.node) ?? null, [data]);
  return (
    <AdminList
      kind="providers"
      texts={{
        title: "admin.providers.title",
        created: "admin.providers.created",
        openCreated: "admin.providers.openCreated",
        none: "admin.providers.none",
        table: "admin.providers.table",
        add: "admin.providers.add",
        addButton: "admin.providers.addButton",
      }}
      rows={rows}
      loading={fetching}
      error={error}
      creating={created.fetching}
      createError={created.error}
      onCreate={async (values, idempotencyKey) => {
        const payload = (await create({ input: { ...values, idempotencyKey } })).data?.createProvider;
        if (!payload) return null;
        if (payload.provider) refetch({ requestPolicy: "network-only" });
        return { made: payload.provider ?? null, userErrors: payload.userErrors };
      }}
    />
  );
}
