export function Loading() {
  return (
    <p role="status" aria-live="polite">
      Chargement…
    </p>
  );
}
