import { useEffect } from "react";

/** Sets the tab title ("6th session — IGC Desk"); undefined while the page's data is loading. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — IGC Desk` : "IGC Desk";
  }, [title]);
}
