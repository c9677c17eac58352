import { useEffect, useState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { formatDate } from "../casework/dates";

const FR_DATE = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2/4/1995" → "1995-04-02"; "" → ""; anything else (not a real date) is returned as typed. */
export function parseFrDate(text: string): string {
  if (text.trim() === "") return "";
  const m = FR_DATE.exec(text);
  if (m === null) return text;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
  return date.toISOString().slice(0, 10);
}

export const isIsoDate = (value: string) => ISO_DATE.test(value);

type ErrorProps = { state?: "error"; stateRelatedMessage?: string };

interface Props {
  label: string;
  name: string;
  /** "AAAA-MM-JJ", "" when empty, or the text as typed while it is not a valid date. */
  value: string;
  onChange: (value: string) => void;
  /** DSFR error props from the server's answer (win over the local format check). */
  errorProps?: ErrorProps;
  required?: boolean;
  className?: string;
}

/**
 * A date typed as JJ/MM/AAAA whatever the browser's language (a native date input follows the
 * browser's locale), handed to the form as AAAA-MM-JJ.
 */
export function DateField({ label, name, value, onChange, errorProps = {}, required = false, className }: Props) {
  const [text, setText] = useState(() => (isIsoDate(value) ? formatDate(value) : value));
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    // The form reset or replaced the value (e.g. after a save): show it.
    if (parseFrDate(text) !== value) setText(isIsoDate(value) ? formatDate(value) : value);
  }, [value]);

  const invalid = touched && text.trim() !== "" && !isIsoDate(parseFrDate(text));
  const state: ErrorProps = errorProps.state
    ? errorProps
    : invalid
      ? { state: "error", stateRelatedMessage: "Date invalide. Format attendu : JJ/MM/AAAA, par exemple 02/04/1995." }
      : {};

  return (
    <Input
      label={label}
      hintText="Format attendu : JJ/MM/AAAA"
      {...(className !== undefined ? { className } : {})}
      {...state}
      nativeInputProps={{
        name,
        value: text,
        required,
        autoComplete: "off",
        maxLength: 10,
        onChange: (e) => {
          setText(e.target.value);
          onChange(parseFrDate(e.target.value));
        },
        onBlur: () => setTouched(true),
      }}
    />
  );
}
