import { useCallback, useEffect, useState } from "react";
import { ApiError, isApiError } from "../api";

export const UNEXPECTED = "Une erreur inattendue est survenue. Veuillez réessayer.";

/** Any thrown value as an ApiError (so every screen shows the same kind of message). */
export function asApiError(e: unknown): ApiError {
  return isApiError(e) ? e : new ApiError(0, "unexpected", UNEXPECTED);
}

export type Resource<T> =
  | { status: "loading"; reload: () => void }
  | { status: "error"; error: ApiError; reload: () => void }
  | { status: "ready"; data: T; reload: () => void; replace: (data: T) => void };

/**
 * Loads `load(signal)` whenever `key` changes or `reload()` is called; aborts the previous request.
 * `replace` swaps in a fresh copy the server returned after a write, without a round trip.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((data) => setState({ key, data }))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, error: asApiError(e) });
      });
    return () => controller.abort();
    // `load` is a new closure on each render; `key` and `generation` say when to fetch again.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => setState({ key, data }), [key]);

  if (state === null || state.key !== key) return { status: "loading", reload };
  if (state.error !== undefined) return { status: "error", error: state.error, reload };
  return { status: "ready", data: state.data as T, reload, replace };
}
