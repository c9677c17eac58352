import type { ReactNode } from "react";

/**
 * A PDF the server generates (Content-Disposition: attachment): a plain same-origin link, so the
 * cookie session goes with it and the browser downloads the file (never react-router's <Link>).
 */
export function PdfLink({ href, children, id }: { href: string; children: ReactNode; id?: string }) {
  return (
    <a className="fr-link fr-icon-download-line fr-link--icon-left" href={href} download {...(id !== undefined ? { id } : {})}>
      {children}
    </a>
  );
}
