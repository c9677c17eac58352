import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import type { RegisteredLinkProps } from "@codegouvfr/react-dsfr/link";

declare module "@codegouvfr/react-dsfr/link" {
  interface RegisterLink {
    Link: typeof RouterLink;
  }
}

/**
 * The link component react-dsfr uses: react-router's <Link> for in-app routes (`to`),
 * a plain <a> for anything given an `href` (external sites in the footer).
 */
export function DsfrLink(props: RegisteredLinkProps & { children: ReactNode }) {
  if ("to" in props) return <RouterLink {...props} />;
  const { children, ...rest } = props;
  return <a {...rest}>{children}</a>;
}
