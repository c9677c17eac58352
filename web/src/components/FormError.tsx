import { useEffect, useRef } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";

/** A DSFR error alert that takes the focus when it appears, so screen readers announce it. */
export function FormError({ title, message }: { title: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title, message]);
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-3w">
      <Alert severity="error" title={title} description={message} as="h2" small={false} role="alert" />
    </div>
  );
}
