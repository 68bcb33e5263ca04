// Small shared pieces: status badges, error messages in Spanish, loading states.
import { html } from '../lib.js';
import { STATUS } from '../format.js';

export function StatusBadge({ status }) {
  return html`<span class=${`badge badge-${status}`}>${STATUS[status] || status}</span>`;
}

export function Tag({ children, kind = 'neutral', title }) {
  return html`<span class=${`tag tag-${kind}`} title=${title}>${children}</span>`;
}

/** The service's English message turned into what a reviewer needs to read, by status. */
export function errorText(error, context = '') {
  if (!error) return '';
  switch (error.status) {
    case 0:
      return error.message;
    case 400:
      return `Hay datos que el servicio no aceptó${error.fieldErrors.length ? `: ${error.fieldErrors.map((e) => `${e.field} ${e.reason}`).join('; ')}` : '.'}`;
    case 401:
      return 'La sesión terminó. Vuelva a entrar.';
    case 403:
      return /csrf/i.test(error.message)
        ? 'La sesión ya no es válida en esta pestaña (token CSRF). Recargue la página.'
        : 'Su cuenta no tiene permiso para esta acción.';
    case 404:
      return `No existe${context ? ` ${context}` : ''}, o está fuera de lo que su cuenta puede ver.`;
    case 409:
      return `Conflicto: ${error.message}`;
    case 413:
      return 'El texto es demasiado largo.';
    case 429:
      return 'Demasiadas solicitudes en un minuto. Espere un momento e intente de nuevo.';
    default:
      return error.status >= 500 ? 'El servicio tuvo un error interno. Intente de nuevo en un momento.' : error.message;
  }
}

export function ErrorBox({ error, context, children }) {
  if (!error && !children) return null;
  return html`<div class="notice notice-error" role="alert">${children || errorText(error, context)}</div>`;
}

export function Loading({ label = 'Cargando…' }) {
  return html`<p class="loading" role="status">${label}</p>`;
}
