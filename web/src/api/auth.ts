import { request, setCsrfToken } from "./client";
import type {
  Departement,
  LoginRequest,
  PasswordChangeRequest,
  SessionResponse,
  TotpEnrolResponse,
  UserResponse,
} from "./types";

export async function login(body: LoginRequest): Promise<SessionResponse> {
  const session = await request<SessionResponse>("POST", "/auth/login", { body, withoutCsrf: true });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function fetchMe(signal?: AbortSignal): Promise<SessionResponse> {
  const session = await request<SessionResponse>("GET", "/me", signal ? { signal } : {});
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await request<void>("POST", "/auth/logout");
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: PasswordChangeRequest): Promise<UserResponse> {
  return request<UserResponse>("POST", "/auth/password", { body });
}

export function enrolTotp(): Promise<TotpEnrolResponse> {
  return request<TotpEnrolResponse>("POST", "/auth/totp/enrol");
}

export function confirmTotp(code: string): Promise<UserResponse> {
  return request<UserResponse>("POST", "/auth/totp/confirm", { body: { code } });
}

export function listDepartements(): Promise<Departement[]> {
  return request<Departement[]>("GET", "/departements");
}
