import { Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's h1: smaller on a phone, where long commission names would otherwise take the whole screen. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} fz={{ base: 26, sm: 34 }} lh={1.2} style={{ overflowWrap: "anywhere" }}>
      {children}
    </Title>
  );
}
