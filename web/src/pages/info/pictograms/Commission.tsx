import { Pictogram, type PictogramProps } from "./Pictogram";

/** A public building with columns: the commission and the préfecture. */
export function Commission(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M24 5 44 15H4z" />
      <rect x="4" y="16.5" width="40" height="3" />
      <rect x="8" y="21" width="4" height="14" />
      <rect x="17" y="21" width="4" height="14" />
      <rect x="27" y="21" width="4" height="14" />
      <rect x="36" y="21" width="4" height="14" />
      <rect x="5" y="36.5" width="38" height="3" />
      <rect x="3" y="40.5" width="42" height="3" />
    </Pictogram>
  );
}
