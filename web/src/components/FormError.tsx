import { useEffect, useRef } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";

interface Props {
  title: string;
  message: string;
  /** Details listed under the message (e.g. the server's `missing`). */
  items?: readonly string[];
  /** Heading level of the title (default 2). */
  level?: 2 | 3 | 4;
}

/** A DSFR error alert that takes the focus when it appears, so screen readers announce it. */
export function FormError({ title, message, items = [], level = 2 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const itemsKey = items.join("\n");
  useEffect(() => {
    ref.current?.focus();
  }, [title, message, itemsKey]);
  const description =
    items.length === 0 ? (
      message
    ) : (
      <>
        <p>{message}</p>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    );
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-3w">
      <Alert severity="error" title={title} description={description} as={`h${level}`} small={false} role="alert" />
    </div>
  );
}
