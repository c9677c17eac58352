import { useEffect } from "react";
import { SERVICE_TITLE } from "../config";

/** Sets the document title (RGAA 8.5/8.6: each page has a relevant title). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${SERVICE_TITLE}`;
  }, [title]);
}
