import { Pictogram, type PictogramProps } from "./Pictogram";

/** A graduation cap with its tassel. */
export function Training(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M24 8 46 18 24 28 2 18z" />
      <path d="M11 23v9c0 4 6 7.5 13 7.5S37 36 37 32v-9l-13 6z" />
      <rect x="41" y="18" width="2.5" height="13" />
      <circle cx="42.25" cy="33" r="2.5" />
    </Pictogram>
  );
}
