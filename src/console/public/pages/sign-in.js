// Sign-in: email and password; 401 and 423 (locked) said plainly.
import { html, useState, useRef, useEffect } from '../lib.js';
import { signIn } from '../api.js';
import { formatDateTime, formatTime } from '../format.js';

export function SignInPage({ params }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(null);
  const emailInput = useRef(null);
  const messageBox = useRef(null);

  useEffect(() => emailInput.current?.focus(), []);
  useEffect(() => {
    if (message) messageBox.current?.focus();
  }, [message]);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await signIn(email.trim(), password);
      location.hash = params.get('volver') || '#/cola';
    } catch (error) {
      setPassword('');
      if (error.status === 401) setMessage('Correo o contraseña incorrectos.');
      else if (error.status === 423) {
        const until = error.details.lockedUntil;
        setMessage(
          until
            ? `Cuenta bloqueada hasta ${new Date(until).toDateString() === new Date().toDateString() ? `las ${formatTime(until)}` : formatDateTime(until)} por demasiados intentos fallidos. Espere o pida ayuda a la administración.`
            : 'Cuenta bloqueada temporalmente por demasiados intentos fallidos. Espere o pida ayuda a la administración.',
        );
      } else if (error.status === 400) setMessage('Escriba su correo y su contraseña.');
      else if (error.status === 429) setMessage('Demasiados intentos en poco tiempo. Espere un minuto.');
      else setMessage(error.status ? 'El servicio no pudo iniciar la sesión. Intente de nuevo en un momento.' : error.message);
    } finally {
      setBusy(false);
    }
  };

  return html`
    <main class="signin" id="contenido">
      <div class="signin-card">
        <div class="signin-brand">
          <span class="brand-mark" aria-hidden="true"></span>
          <div>
            <h1>Consola de revisión</h1>
            <p>Personas desaparecidas y posibles víctimas · México–Guatemala</p>
          </div>
        </div>
        <form onSubmit=${submit} aria-describedby="aviso-acceso">
          ${message && html`<div class="notice notice-error" role="alert" tabindex="-1" ref=${messageBox} data-testid="signin-error">${message}</div>`}
          <div class="field">
            <label for="correo">Correo electrónico</label>
            <input id="correo" name="email" type="email" autocomplete="username" required ref=${emailInput} value=${email} onInput=${(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="contrasena">Contraseña</label>
            <input id="contrasena" name="password" type="password" autocomplete="current-password" required value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
          </div>
          <button type="submit" class="btn btn-primary btn-block" disabled=${busy}>${busy ? 'Entrando…' : 'Entrar'}</button>
        </form>
        <p class="signin-note" id="aviso-acceso">
          Acceso solo para personal autorizado. Cada consulta y cada decisión quedan registradas. Tras cinco intentos fallidos
          en quince minutos la cuenta se bloquea temporalmente.
        </p>
      </div>
    </main>
  `;
}
