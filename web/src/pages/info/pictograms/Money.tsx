import { Pictogram, type PictogramProps } from "./Pictogram";

/** A banknote and a coin in front of it. */
export function Money(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M4 9h34v22H4zm3 3v16h28V12z" fillRule="evenodd" />
      <circle cx="21" cy="20" r="4.5" />
      <circle cx="32" cy="32" r="11" stroke="#ffffff" strokeWidth="2" />
      <circle cx="32" cy="32" r="6.5" fill="none" stroke="#ffffff" strokeWidth="2" />
    </Pictogram>
  );
}
