export { ApiError, isApiError, setCsrfToken } from "./client";
export * from "./auth";
export * from "./types";
export * from "./caseTypes";
export * from "./parcoursTypes";
export * from "./casework";
export * from "./rightsTypes";
export * from "./rights";
