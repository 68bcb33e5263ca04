// The evidence of an alert as a waterfall of weights (Fellegi–Sunter, in bits): the prior, one bar per comparison
// sorted by weight (agreement to the right in green, disagreement to the left in red), and the total.
import { html } from '../lib.js';
import { comparisonLabel, evidenceValue, levelLabel, number, percent, signed } from '../format.js';

function Bar({ weight, max, kind }) {
  const width = max > 0 ? Math.min(50, (Math.abs(weight) / max) * 50) : 0;
  const side = weight >= 0 ? { left: '50%' } : { right: '50%' };
  return html`
    <span class="wf-track" aria-hidden="true">
      <span class="wf-axis"></span>
      <span class=${`wf-bar wf-${kind || (weight >= 0 ? 'pos' : 'neg')}`} style=${{ ...side, width: `${width}%` }}></span>
    </span>
  `;
}

export function Waterfall({ evidence }) {
  if (!evidence) return null;
  const comparisons = (evidence.comparisons || []).map((c) => ({ ...c, total: (c.weight || 0) + (c.tfAdjustment || 0) }));
  const scored = comparisons.filter((c) => c.level !== 'null').sort((a, b) => b.total - a.total);
  const missing = comparisons.filter((c) => c.level === 'null');
  const prior = evidence.priorWeight ?? 0;
  const total = evidence.matchWeight;
  const max = Math.max(1, Math.abs(prior), Math.abs(total ?? 0), ...scored.map((c) => Math.abs(c.total)));

  return html`
    <div class="waterfall" data-testid="waterfall">
      <div class="wf-head" aria-hidden="true">
        <span>Comparación · nivel</span><span class="wf-scale"><span>← en contra</span><span>a favor →</span></span><span class="num">Peso</span><span>Valores comparados (reporte ↔ víctima)</span>
      </div>
      <ol class="wf-rows" aria-label="Pesos de la evidencia, de mayor a menor">
        <li class="wf-row wf-prior">
          <span class="wf-label"><strong>Probabilidad previa</strong><span class="wf-level">punto de partida: cualquier par al azar</span></span>
          <${Bar} weight=${prior} max=${max} kind="prior" />
          <span class="wf-weight num">${signed(prior)}</span>
          <span class="wf-values muted">modelo ${evidence.modelVersion || ''}</span>
        </li>
        ${scored.map(
          (c) => html`
            <li class="wf-row" data-testid="wf-row" data-comparison=${c.comparison}>
              <span class="wf-label"><strong>${comparisonLabel(c.comparison)}</strong><span class="wf-level">${levelLabel(c.comparison, c.level)}</span></span>
              <${Bar} weight=${c.total} max=${max} />
              <span class=${`wf-weight num ${c.total >= 0 ? 'pos' : 'neg'}`}>${signed(c.total)}${c.tfAdjustment ? html`<span class="wf-tf" title="Incluye el ajuste por frecuencia del valor">*</span>` : ''}</span>
              <span class="wf-values"><span class="wf-left">${evidenceValue(c.comparison, c.left)}</span><span class="wf-sep" aria-label="comparado con"> ↔ </span><span class="wf-right">${evidenceValue(c.comparison, c.right)}</span></span>
            </li>
          `,
        )}
        <li class="wf-row wf-total" data-testid="wf-total">
          <span class="wf-label"><strong>Total</strong><span class="wf-level">${evidence.excluded ? 'excluida' : `probabilidad ${percent(evidence.matchProbability ?? 0)}`}</span></span>
          <${Bar} weight=${total ?? 0} max=${max} kind="total" />
          <span class="wf-weight num">${Number.isFinite(total) ? signed(total) : '−∞'}</span>
          <span class="wf-values">${evidence.excluded ? `Excluida: ${evidence.exclusionReason || ''}` : `${number(total, 1)} bits = previa + suma de las comparaciones`}</span>
        </li>
      </ol>
      ${missing.length > 0 && html`<p class="wf-missing"><strong>Sin dato en alguno de los dos registros (peso 0):</strong> ${missing.map((c) => comparisonLabel(c.comparison)).join(', ')}.</p>`}
      ${comparisons.some((c) => c.tfAdjustment) && html`<p class="wf-missing">* El peso incluye un ajuste por la frecuencia del valor (un apellido común pesa menos que uno raro).</p>`}
    </div>
  `;
}
