/**
 * The DOM controls the playground builds from data: options of a select, a labelled number field,
 * and a parameter's row (label, slider, number field).
 */

/**
 * An `<option>`.
 *
 * @example
 * ```ts
 * select.append(option('currentRamp', 'current ramp'));
 * ```
 */
export function option(value: string, label = value): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/**
 * Replace a select's options by `values`, selecting `selected` when it is one of them.
 *
 * @example
 * ```ts
 * fillSelect(recordSelect, ['v', 'u'], 'v');
 * ```
 */
export function fillSelect(sel: HTMLSelectElement, values: readonly string[], selected: string): void {
  sel.replaceChildren(...values.map((v) => option(v)));
  if (values.includes(selected)) sel.value = selected;
}

/**
 * A labelled number field (`data-field` = name) calling `onChange` with finite values; anything
 * else puts the previous value back.
 *
 * @example
 * ```ts
 * fields.append(numberField('t1', 200, (v) => (state.protocol.values.t1 = v)));
 * ```
 */
export function numberField(name: string, value: number, onChange: (v: number) => void): HTMLLabelElement {
  const label = document.createElement('label');
  label.textContent = name;
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.value = String(value);
  input.dataset.field = name;
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (input.value.trim() !== '' && Number.isFinite(v)) onChange(v);
    else input.value = String(value);
  });
  label.append(input);
  return label;
}

/**
 * Slider range around a parameter's model value: 0 to 3x for positive values, 3x to -x for
 * negative ones, -100 to 100 for 0 (the number field takes any value).
 *
 * @example
 * ```ts
 * sliderRange(-68); // [-204, 68]
 * ```
 */
export function sliderRange(v: number): [number, number] {
  if (v === 0) return [-100, 100];
  return v > 0 ? [0, 3 * v] : [3 * v, -v];
}

/**
 * The row of one parameter: its label, a slider (`#param-<name>`, 200 steps over
 * {@link sliderRange}) and a number field, kept in step; `onChange` gets every new finite value.
 *
 * @example
 * ```ts
 * panel.append(...parameterRow({ name: 'E_L', value: -68 }, -68, (v) => send(v)));
 * ```
 */
export function parameterRow(p: { name: string; value: number }, value: number, onChange: (v: number) => void): HTMLElement[] {
  const label = document.createElement('label');
  label.textContent = p.name;
  label.htmlFor = `param-${p.name}`;
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = `param-${p.name}`;
  slider.dataset.param = p.name;
  const [lo, hi] = sliderRange(p.value);
  slider.min = String(Math.min(lo, value));
  slider.max = String(Math.max(hi, value));
  slider.step = String((hi - lo) / 200);
  slider.value = String(value);
  const num = document.createElement('input');
  num.type = 'number';
  num.step = 'any';
  num.value = String(value);
  num.dataset.paramNumber = p.name;
  const apply = (v: number): void => {
    if (!Number.isFinite(v)) return;
    slider.value = String(v);
    num.value = String(v);
    onChange(v);
  };
  slider.addEventListener('input', () => apply(Number(slider.value)));
  num.addEventListener('change', () => apply(Number(num.value)));
  return [label, slider, num];
}
