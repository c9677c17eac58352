import { useState } from "react";
import type { ApiError } from "../api";
import { asApiError } from "./useResource";

/** Submission state of a small form: one request at a time, the server's error kept for the fields. */
export function useSubmit() {
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = async (action: () => Promise<void>) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };
  return { error, setError, submitting, run };
}
