import { Fieldset, Group, NumberInput, SegmentedControl, Text } from '@mantine/core';
import type { FeeFormValues, FeeKind } from './agreementFormValues.js';

interface Props {
  legend: string;
  description: string;
  /** "feeToThem" or "feeToUs": the server names fields by this prefix. */
  name: string;
  value: FeeFormValues;
  onChange(value: FeeFormValues): void;
  errors: Record<string, string>;
  currency: string;
  digits: number;
}

const KINDS: { value: FeeKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'percent', label: 'Percent' },
  { value: 'flat', label: 'Flat fee' },
];

export function FeeTermsFields({ legend, description, name, value, onChange, errors, currency, digits }: Props) {
  const set = (patch: Partial<FeeFormValues>) => onChange({ ...value, ...patch });
  return (
    <Fieldset legend={legend} variant="filled" radius="md">
      <Text size="xs" c="dimmed" mb="xs">
        {description} None means reciprocal referrals without a fee.
      </Text>
      <SegmentedControl
        fullWidth
        size="xs"
        aria-label={`${legend}: kind`}
        data={KINDS}
        value={value.kind}
        onChange={(kind) => set({ kind: kind as FeeKind })}
      />
      {errors[name] && (
        <Text size="xs" c="red" mt={4} role="alert">
          {errors[name]}
        </Text>
      )}
      {value.kind === 'percent' && (
        <Group grow mt="sm" align="flex-start">
          <NumberInput
            label="Percent of monthly revenue"
            rightSection="%"
            decimalScale={2}
            hideControls
            value={value.percent}
            onChange={(percent) => set({ percent })}
            error={errors[`${name}.percent`]}
          />
          <NumberInput
            label="For the first … months"
            allowDecimal={false}
            hideControls
            value={value.months}
            onChange={(months) => set({ months })}
            error={errors[`${name}.months`]}
          />
        </Group>
      )}
      {value.kind === 'flat' && (
        <NumberInput
          mt="sm"
          label={`Amount per won client (${currency})`}
          decimalScale={digits}
          thousandSeparator=","
          hideControls
          value={value.amount}
          onChange={(amount) => set({ amount })}
          error={errors[`${name}.amount`]}
          className="tabular"
        />
      )}
    </Fieldset>
  );
}
