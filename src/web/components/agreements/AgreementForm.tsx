import { Alert, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { HANDOFF_METHODS, type HandoffMethod } from '../../../domain/agreement.js';
import type { AgreementFormValues } from './agreementFormValues.js';
import { FeeTermsFields } from './FeeTermsFields.js';
import { HANDOFF_LABELS } from './labels.js';

interface Props {
  values: AgreementFormValues;
  set<K extends keyof AgreementFormValues>(key: K, value: AgreementFormValues[K]): void;
  errors: Record<string, string>;
  formError: string | null;
  partnerName: string;
  currency: string;
  digits: number;
  readOnly: boolean;
}

/** The terms of one agreement: who refers whom, fees each way, handoff, exclusivity and dates. */
export function AgreementForm({ values, set, errors, formError, partnerName, currency, digits, readOnly }: Props) {
  const text = (key: 'theyReferToUs' | 'weReferToThem' | 'handoffInstructions' | 'exclusivity' | 'notes') => ({
    value: values[key],
    error: errors[key],
    readOnly,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  const date = (key: 'startDate' | 'reviewDate' | 'signedDate') => ({
    type: 'date',
    value: values[key],
    error: errors[key],
    readOnly,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  return (
    <Stack gap="md">
      {formError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {formError}
        </Alert>
      )}
      {readOnly && (
        <Alert color="gray" variant="light">
          This agreement has ended; its terms stay as they were for the referrals made under it.
        </Alert>
      )}
      <div>
        <Text size="sm" fw={500} mb={4} id="agreement-form-label">
          Form
        </Text>
        <SegmentedControl
          aria-labelledby="agreement-form-label"
          data={[
            { value: 'informal', label: 'Informal' },
            { value: 'written', label: 'Written' },
          ]}
          value={values.form}
          onChange={(v) => set('form', v as AgreementFormValues['form'])}
          readOnly={readOnly}
        />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Textarea
          label={`${partnerName} refers to us`}
          placeholder="e.g. clients who need a new website after their rebrand"
          autosize
          minRows={2}
          {...text('theyReferToUs')}
        />
        <Textarea
          label={`We refer to ${partnerName}`}
          placeholder="e.g. clients asking for PR or press coverage"
          autosize
          minRows={2}
          {...text('weReferToThem')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <FeeTermsFields
          legend="Our fee to them"
          description={`What we pay ${partnerName} for a client they send us who signs.`}
          name="feeToThem"
          value={values.feeToThem}
          onChange={(v) => !readOnly && set('feeToThem', v)}
          errors={errors}
          currency={currency}
          digits={digits}
        />
        <FeeTermsFields
          legend="Their fee to us"
          description={`What ${partnerName} pays us for a client we send who signs.`}
          name="feeToUs"
          value={values.feeToUs}
          onChange={(v) => !readOnly && set('feeToUs', v)}
          errors={errors}
          currency={currency}
          digits={digits}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Handoff method"
          description="Needed before the agreement can be activated"
          placeholder="How a lead is handed over"
          data={HANDOFF_METHODS.map((m) => ({ value: m, label: HANDOFF_LABELS[m] }))}
          value={values.handoffMethod}
          onChange={(v) => set('handoffMethod', v as HandoffMethod | null)}
          error={errors.handoffMethod}
          clearable
          readOnly={readOnly}
        />
        <TextInput
          label="Exclusivity"
          description="“none” leaves both sides free to work with others"
          {...text('exclusivity')}
          maxLength={500}
        />
      </SimpleGrid>
      <Textarea
        label="Handoff instructions"
        placeholder="e.g. Copy both contacts on one short e-mail with the lead's need and budget"
        autosize
        minRows={2}
        {...text('handoffInstructions')}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <TextInput label="Start date" {...date('startDate')} />
        <TextInput label="Review date" {...date('reviewDate')} />
        <TextInput label="Signed on" {...date('signedDate')} />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} maxRows={8} {...text('notes')} />
    </Stack>
  );
}
