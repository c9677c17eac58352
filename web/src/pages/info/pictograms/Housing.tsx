import { Pictogram, type PictogramProps } from "./Pictogram";

/** A house with its door. */
export function Housing(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path d="M24 6 4 23h5v19h30V23h5zm-4 36V30h8v12z" fillRule="evenodd" />
    </Pictogram>
  );
}
