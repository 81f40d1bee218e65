import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { PARTNER_TYPES, type PartnerType } from '../../domain/partner.js';
import { STAGE_LABELS, STAGES } from '../../domain/stage.js';
import { ApiError, api, type Partner } from '../api.js';
import {
  capitalize,
  formValues,
  type PartnerFormValues,
  subtypeOptions,
  TYPE_LABELS,
  toInput,
} from './partnerFormValues.js';

interface Props {
  opened: boolean;
  partner: Partner | null;
  onClose(): void;
}

export function PartnerFormModal({ opened, partner, onClose }: Props) {
  const creating = partner === null;
  const phone = useMediaQuery('(max-width: 48em)');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PartnerFormValues>(() => formValues(partner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (force: boolean) => {
      const input = toInput(values, creating);
      return creating ? api.createPartner(input, force) : api.editPartner(partner.id, input, force);
    },
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: ['partners'] });
      queryClient.invalidateQueries({ queryKey: ['partner', saved.id] });
      queryClient.invalidateQueries({ queryKey: ['timeline', saved.id] });
      notifications.show({
        color: 'teal',
        title: creating ? 'Partner added' : 'Changes saved',
        message: creating ? `${saved.name} is on your list at stage ${STAGE_LABELS[saved.stage]}.` : saved.name,
      });
      onClose();
    },
    onError: (err) => {
      setDuplicateOf(null);
      setFormError(null);
      if (err instanceof ApiError && err.code === 'validation_failed') {
        const fields = err.fieldErrors();
        setErrors(fields);
        if (Object.keys(fields).length === 0) setFormError(err.message);
      } else if (err instanceof ApiError && err.code === 'duplicate') {
        setDuplicateOf(typeof err.details.existingId === 'string' ? err.details.existingId : null);
        setFormError(err.message);
      } else {
        setFormError(err instanceof Error ? err.message : 'The partner could not be saved');
      }
    },
  });

  const set =
    <K extends keyof PartnerFormValues>(key: K) =>
    (value: PartnerFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      setErrors(({ [key]: _gone, ...rest }) => rest);
    };
  const text = (key: keyof PartnerFormValues) => ({
    value: values[key] as string,
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value as never),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate(false);
  };

  const subtypes = subtypeOptions(values.type);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={650} size="lg">
          {creating ? 'Add a partner' : `Edit ${partner.name}`}
        </Text>
      }
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
    >
      <form onSubmit={onSubmit} noValidate aria-label={creating ? 'New partner' : 'Edit partner'}>
        <Stack gap="md">
          {formError && (
            <Alert color={duplicateOf ? 'yellow' : 'red'} icon={<IconAlertTriangle size={18} />} role="alert">
              <Stack gap="xs">
                <Text size="sm">{formError}</Text>
                {duplicateOf && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        onClose();
                        navigate(`/partners/${duplicateOf}`);
                      }}
                    >
                      Open existing
                    </Button>
                    <Button size="xs" color="yellow" onClick={() => save.mutate(true)} loading={save.isPending}>
                      Save anyway
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput label="Name" required data-autofocus {...text('name')} maxLength={120} />
            <TextInput label="Company" {...text('company')} maxLength={120} />
            <Select
              label="Type"
              required
              allowDeselect={false}
              data={PARTNER_TYPES.map((t) => ({
                value: t,
                label: t === 'complementary' ? 'Complementary service' : TYPE_LABELS[t],
              }))}
              value={values.type}
              error={errors.type}
              onChange={(t) => {
                const type = (t ?? 'agency') as PartnerType;
                const allowed = subtypeOptions(type);
                setValues((v) => ({
                  ...v,
                  type,
                  subtype: allowed && !allowed.includes(v.subtype) ? '' : v.subtype,
                }));
              }}
            />
            {subtypes ? (
              <Select
                label="Subtype"
                clearable
                placeholder="Choose…"
                data={subtypes.map((s) => ({ value: s, label: capitalize(s) }))}
                value={values.subtype || null}
                error={errors.subtype}
                onChange={(s) => set('subtype')(s ?? '')}
              />
            ) : (
              <TextInput label="Subtype" placeholder="e.g. skincare, SaaS" {...text('subtype')} maxLength={60} />
            )}
            <TextInput label="Contact name" {...text('contactName')} maxLength={120} />
            <TextInput label="E-mail" type="email" {...text('email')} maxLength={254} />
            <TextInput label="LinkedIn URL" placeholder="https://www.linkedin.com/in/…" {...text('linkedinUrl')} />
            <TextInput label="Website" placeholder="https://…" {...text('website')} />
            {creating && (
              <Select
                label="Stage"
                allowDeselect={false}
                data={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
                value={values.stage}
                error={errors.stage}
                onChange={(s) => s && set('stage')(s as PartnerFormValues['stage'])}
              />
            )}
            <TextInput label="Owner" placeholder="Who looks after this partner" {...text('owner')} maxLength={120} />
            <TextInput
              label="Next action"
              placeholder="e.g. Send intro e-mail"
              {...text('nextAction')}
              maxLength={200}
            />
            <TextInput label="Next action date" type="date" {...text('nextActionDate')} />
          </SimpleGrid>
          <TagsInput
            label="Tags"
            placeholder="Type a tag and press Enter"
            value={values.tags}
            onChange={set('tags')}
            error={errors.tags}
            clearable
          />
          <Textarea label="Audience" description="Who their clients are" autosize minRows={2} {...text('audience')} />
          <Textarea label="Notes" autosize minRows={3} maxRows={10} {...text('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? 'Add partner' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
