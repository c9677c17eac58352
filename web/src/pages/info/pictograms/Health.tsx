import { Pictogram, type PictogramProps } from "./Pictogram";

/** A heart with a medical cross. */
export function Health(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <path
        d="M24 42C11 33 5 26 5 18a9.5 9.5 0 0 1 19-3 9.5 9.5 0 0 1 19 3c0 8-6 15-19 24zm-2.5-26v5.5H16v5h5.5V32h5v-5.5H32v-5h-5.5V16z"
        fillRule="evenodd"
      />
    </Pictogram>
  );
}
