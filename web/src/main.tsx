import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// `startReactDsfr` (the documented SPA entry point) appends a <style> element for the root
// color-scheme, which the server's CSP (style-src 'self') refuses. The lower-level `start`
// with `doCheckNonce: true` and no nonce skips that element; everything else is identical.
import { start } from "@codegouvfr/react-dsfr/start";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { App } from "./App";
import { DsfrLink } from "./components/DsfrLink";
// The DSFR print styles (all inside @media print): no menu, footer, tooltips or .fr-no-print on paper.
import "@codegouvfr/react-dsfr/dsfr/dsfr.print.min.css";
import "./app.css";

setLink({ Link: DsfrLink });
void start({
  defaultColorScheme: "system",
  verbose: false,
  nextParams: undefined,
  doCheckNonce: true,
  trustedTypesPolicyName: "react-dsfr",
});

const root = document.getElementById("root");
if (root === null) throw new Error("#root element missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
