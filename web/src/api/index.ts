export { ApiError, isApiError, setCsrfToken } from "./client";
export * from "./auth";
export * from "./types";
