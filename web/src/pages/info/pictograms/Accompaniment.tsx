import { Pictogram, type PictogramProps } from "./Pictogram";

/** Two persons side by side: someone is with you. */
export function Accompaniment(props: PictogramProps) {
  return (
    <Pictogram {...props}>
      <circle cx="17" cy="15" r="6" />
      <path d="M6 40v-5a11 11 0 0 1 22 0v5z" />
      <circle cx="32" cy="19" r="5.5" stroke="#ffffff" strokeWidth="2" />
      <path d="M22 40v-3.5a10 10 0 0 1 20 0V40z" stroke="#ffffff" strokeWidth="2" />
    </Pictogram>
  );
}
