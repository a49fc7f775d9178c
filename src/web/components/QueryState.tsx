import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api.ts";
import { useLang } from "../hooks.ts";

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert color="red" title={notFound ? t("app.notFound") : t("app.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {notFound ? (
          <Button component={Link} to="/" variant="light" size="xs">
            {t("app.backHome")}
          </Button>
        ) : (
          onRetry && (
            <Button variant="light" size="xs" onClick={onRetry}>
              {t("app.retry")}
            </Button>
          )
        )}
      </Stack>
    </Alert>
  );
}

/** Loading and error states of a query; renders `children` with the data once it is there. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useLang();
  if (query.isPending) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
