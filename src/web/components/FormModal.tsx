import { Modal } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";

/** A form in a dialog: a sheet over the whole screen on a phone, a centred dialog elsewhere. */
export function FormModal({
  opened,
  onClose,
  title,
  children,
  size = "lg",
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  size?: string;
}) {
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={phone} radius={phone ? 0 : "md"}>
      {children}
    </Modal>
  );
}
