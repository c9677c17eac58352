import { Pictogram, type PictogramProps } from "./Pictogram";

/** Four steps going up to a flag: periods of 6 months, up to 24 months. */
export function Steps(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M4 43v-7h9.5v-8H23v-8h9.5v-8H44v31z" />
      <rect x="37" y="3" width="2.5" height="9" />
      <path d="M39.5 3 45 5.5 39.5 8z" />
    </Pictogram>
  );
}
