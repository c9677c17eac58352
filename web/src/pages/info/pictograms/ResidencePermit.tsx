import { Pictogram, type PictogramProps } from "./Pictogram";

/** An identity card: a portrait and written lines. */
export function ResidencePermit(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M7 9h34a3 3 0 0 1 3 3v24a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V12a3 3 0 0 1 3-3zm0 3v24h34V12z" fillRule="evenodd" />
      <circle cx="15.5" cy="20" r="4" />
      <path d="M9 32a6.5 6.5 0 0 1 13 0z" />
      <rect x="25" y="17" width="13" height="3" rx="1" />
      <rect x="25" y="23" width="13" height="3" rx="1" />
      <rect x="25" y="29" width="9" height="3" rx="1" />
    </Pictogram>
  );
}
