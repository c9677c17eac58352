// Minimal typed HTTP client for the Parcours API.
// - same-origin cookies only (the session cookie is HttpOnly, SameSite=Strict);
// - JSON in, JSON out;
// - the CSRF token received from login or /me is sent on every state-changing request;
// - personal data is only ever sent in request bodies, never in URLs.

import type { ErrorBody, LineError } from "./types";

export const API_PREFIX = "/api/v1";

/** Message shown when the server cannot be reached or answers something unexpected. */
const NETWORK_ERROR_MESSAGE =
  "Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.";
const UNEXPECTED_ERROR_MESSAGE = "Une erreur inattendue est survenue. Veuillez réessayer.";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** What still prevents an action (e.g. `demande_incomplete`), in French, when the server says so. */
  readonly missing: readonly string[];
  /** The faulty lines of an uploaded file (e.g. a CSV import), when the server lists them. */
  readonly errors: readonly LineError[];

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    missing: readonly string[] = [],
    errors: readonly LineError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
    this.missing = missing;
    this.errors = errors;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  body?: unknown;
  /** A body sent as is, with its own media type (e.g. a CSV file as `text/csv`), instead of JSON. */
  raw?: { text: string; contentType: string };
  /** Login is the only state-changing call made without a CSRF token. */
  withoutCsrf?: boolean;
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

function isLineError(value: unknown): value is LineError {
  if (typeof value !== "object" || value === null) return false;
  const e = value as { line?: unknown; field?: unknown; message?: unknown };
  return typeof e.line === "number" && typeof e.field === "string" && typeof e.message === "string";
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `?a=1&b=x` from the defined, non-empty values (or "" when there are none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** A path segment from an id (numbers, or opaque strings the server gave us). */
export function seg(id: number | string): string {
  return encodeURIComponent(String(id));
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.raw !== undefined) headers["Content-Type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && !options.withoutCsrf && csrfToken !== null) {
    headers["X-CSRF-Token"] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(API_PREFIX + path, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      body: options.raw !== undefined ? options.raw.text : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network_error", NETWORK_ERROR_MESSAGE);
  }

  const payload = await readJson(response);
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, field, missing, errors } = payload.error;
      const list = Array.isArray(missing) ? missing.filter((m): m is string => typeof m === "string") : [];
      throw new ApiError(response.status, code, message, field, list, Array.isArray(errors) ? errors.filter(isLineError) : []);
    }
    throw new ApiError(response.status, "unexpected_response", UNEXPECTED_ERROR_MESSAGE);
  }
  return payload as T;
}
