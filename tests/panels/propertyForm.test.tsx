// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPropertyDecls } from '../../src/model/properties';
import type { Props, PropValue } from '../../src/model/types';
import { PropertyForm } from '../../src/panels/inspector/PropertyForm';
import { attr, blur, byTestId, click, focus, keyDown, queryTestId, render, selectOption, type, type Rendered } from './dom';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function mount(target: 'flow' | 'process' | 'store', props: Props) {
  const onChange = vi.fn<(name: string, value: PropValue | undefined) => void>();
  view = render(<PropertyForm target={target} props={props} onChange={onChange} />);
  return { onChange, container: view.container, rerender: (next: Props) => view!.rerender(<PropertyForm target={target} props={next} onChange={onChange} />) };
}

describe('PropertyForm booleans', () => {
  it('shows unset as Unknown, and Yes/No/Unknown commit true/false/unset', () => {
    const { onChange, container, rerender } = mount('flow', {});
    const field = byTestId(container, 'prop-tlsVerify');
    expect(field.dataset.state).toBe('unknown');
    expect(byTestId<HTMLInputElement>(container, 'prop-tlsVerify-unknown').checked).toBe(true);

    click(byTestId(container, 'prop-tlsVerify-yes'));
    expect(onChange).toHaveBeenLastCalledWith('tlsVerify', true);

    rerender({ tlsVerify: true });
    expect(byTestId(container, 'prop-tlsVerify').dataset.state).toBe('yes');
    click(byTestId(container, 'prop-tlsVerify-no'));
    expect(onChange).toHaveBeenLastCalledWith('tlsVerify', false);

    rerender({ tlsVerify: false });
    expect(byTestId<HTMLInputElement>(container, 'prop-tlsVerify-no').checked).toBe(true);
    click(byTestId(container, 'prop-tlsVerify-unknown'));
    expect(onChange).toHaveBeenLastCalledWith('tlsVerify', undefined);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('names the group with a legend and points at its help text', () => {
    const { container } = mount('flow', {});
    const field = byTestId(container, 'prop-tlsVerify');
    expect(field.tagName).toBe('FIELDSET');
    expect(field.querySelector('legend')?.textContent).toContain('TLS certificate verified');
    const help = document.getElementById(field.getAttribute('aria-describedby')!);
    expect(help?.textContent).toContain('verifies the server certificate');
    expect(field.getAttribute('title')).toContain('verifies the server certificate');
  });
});

describe('PropertyForm enums', () => {
  it('offers Unknown first and maps it to unset', () => {
    const { onChange, container, rerender } = mount('flow', {});
    const select = byTestId<HTMLSelectElement>(container, 'prop-protocol-input');
    expect(select.options[0].value).toBe('');
    expect(select.options[0].textContent).toBe('Unknown');
    expect(select.value).toBe('');

    selectOption(select, 'wss');
    expect(onChange).toHaveBeenLastCalledWith('protocol', 'wss');

    rerender({ protocol: 'wss' });
    expect(byTestId<HTMLSelectElement>(container, 'prop-protocol-input').value).toBe('wss');
    selectOption(byTestId<HTMLSelectElement>(container, 'prop-protocol-input'), '');
    expect(onChange).toHaveBeenLastCalledWith('protocol', undefined);
  });

  it('labels the select through label[for]', () => {
    const { container } = mount('flow', {});
    const select = byTestId<HTMLSelectElement>(container, 'prop-protocol-input');
    const label = container.querySelector(`label[for="${attr(select.id)}"]`);
    expect(label?.textContent).toContain('Protocol');
  });

  it('keeps a stored value that is not allowed visible instead of silently showing Unknown', () => {
    const { container } = mount('flow', { protocol: 'carrier-pigeon' });
    const select = byTestId<HTMLSelectElement>(container, 'prop-protocol-input');
    expect(select.value).toBe('carrier-pigeon');
    expect(byTestId(container, 'prop-protocol').textContent).toContain('is not valid');
  });
});

describe('PropertyForm lists', () => {
  it('distinguishes unknown from an empty list and keeps declaration order', () => {
    const { onChange, container, rerender } = mount('flow', {});
    expect(byTestId(container, 'prop-data').dataset.state).toBe('unknown');
    expect(queryTestId(container, 'prop-data-clear')).toBeNull();

    click(byTestId(container, 'prop-data-orders'));
    expect(onChange).toHaveBeenLastCalledWith('data', ['orders']);

    // marketData comes before orders in the declaration, whatever the click order.
    rerender({ data: ['orders'] });
    click(byTestId(container, 'prop-data-marketData'));
    expect(onChange).toHaveBeenLastCalledWith('data', ['marketData', 'orders']);

    rerender({ data: ['orders'] });
    click(byTestId(container, 'prop-data-orders'));
    expect(onChange).toHaveBeenLastCalledWith('data', []);

    rerender({ data: [] });
    expect(byTestId(container, 'prop-data').dataset.state).toBe('set');
    click(byTestId(container, 'prop-data-clear'));
    expect(onChange).toHaveBeenLastCalledWith('data', undefined);
  });
});

describe('PropertyForm numbers and strings', () => {
  it('commits a number on blur, once, and unsets when emptied', () => {
    const { onChange, container, rerender } = mount('flow', {});
    const input = byTestId<HTMLInputElement>(container, 'prop-timestampToleranceMs-input');
    expect(byTestId(container, 'prop-timestampToleranceMs').textContent).toContain('ms');
    focus(input);
    type(input, '50');
    type(input, '5000');
    expect(onChange).not.toHaveBeenCalled();
    blur(input);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('timestampToleranceMs', 5000);

    rerender({ timestampToleranceMs: 5000 });
    const again = byTestId<HTMLInputElement>(container, 'prop-timestampToleranceMs-input');
    expect(again.value).toBe('5000');
    type(again, '');
    keyDown(again, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('timestampToleranceMs', undefined);
  });

  it('Escape puts the stored value back without committing', () => {
    const { onChange, container } = mount('process', { purpose: 'trading' });
    const input = byTestId<HTMLInputElement>(container, 'prop-purpose-input');
    type(input, 'analytics');
    keyDown(input, 'Escape');
    expect(input.value).toBe('trading');
    blur(input);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('commits a string on Enter and unsets an emptied one', () => {
    const { onChange, container } = mount('process', {});
    const input = byTestId<HTMLInputElement>(container, 'prop-purpose-input');
    type(input, 'readOnly');
    keyDown(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('purpose', 'readOnly');
  });
});

describe('PropertyForm layout', () => {
  it('renders exactly the declarations of the target, grouped by their group', () => {
    const { container } = mount('store', {});
    const decls = getPropertyDecls('store');
    for (const d of decls) expect(queryTestId(container, `prop-${d.name}`)).not.toBeNull();
    expect(queryTestId(container, 'prop-protocol')).toBeNull();
    const groups = new Set(decls.map((d) => d.group));
    for (const g of groups) expect(queryTestId(container, `prop-group-${g}`)?.tagName).toBe('DETAILS');
  });

  it('filters by name or label and lists undeclared stored properties apart', () => {
    const { container, onChange } = mount('flow', { legacyFlag: 'x' });
    expect(byTestId(container, 'prop-group-other').textContent).toContain('legacyFlag');
    click(byTestId(container, 'prop-legacyFlag-clear'));
    expect(onChange).toHaveBeenLastCalledWith('legacyFlag', undefined);

    type(byTestId<HTMLInputElement>(container, 'prop-filter'), 'replay');
    expect(queryTestId(container, 'prop-replayProtection')).not.toBeNull();
    expect(queryTestId(container, 'prop-protocol')).toBeNull();
  });
});
