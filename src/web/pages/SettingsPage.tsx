import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { ApiError, api, type Profile } from '../api.js';
import { PageHeader } from '../components/PageHeader.js';
import { minorDigits, type ProfileForm, profileForm, profilePatch } from '../components/profileValues.js';

export function SettingsPage() {
  const profile = useQuery({ queryKey: ['profile'], queryFn: api.getProfile });
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your agency profile: what templates say about you and the numbers the review measures against."
      />
      {profile.isError ? (
        <Alert color="red">{profile.error.message}</Alert>
      ) : profile.isPending ? (
        <Stack gap="md">
          <Skeleton height={220} radius="md" />
          <Skeleton height={220} radius="md" />
        </Stack>
      ) : (
        <SettingsForm profile={profile.data} />
      )}
    </>
  );
}

function SettingsForm({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileForm>(() => profileForm(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Browsers list canonical zones only (often without "UTC"); keep the saved one selectable.
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return [...new Set(['UTC', profile.timeZone, ...zones])];
  }, [profile.timeZone]);

  const save = useMutation({
    mutationFn: () => api.patchProfile(profilePatch(values) as Partial<Profile>),
    onSuccess: (saved) => {
      queryClient.setQueryData(['profile'], saved);
      setValues(profileForm(saved));
      setFormError(null);
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'Your agency profile is up to date.' });
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length ? 'Some fields need a change; see the messages below.' : err.message);
    },
  });

  const set = (key: keyof ProfileForm) => (value: unknown) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const text = (key: keyof ProfileForm) => ({
    value: values[key] as string,
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
  });
  const num = (key: keyof ProfileForm) => ({
    value: values[key] as number | string,
    error: errors[key],
    onChange: set(key),
  });
  const currency = values.currency.trim().toUpperCase();
  const validCurrency = /^[A-Z]{3}$/.test(currency);
  const money = (key: 'monthlyRevenueTarget' | 'monthlyPlatformCost') => ({
    ...num(key),
    min: 0,
    thousandSeparator: ',',
    decimalScale: validCurrency ? minorDigits(currency) : 2,
    rightSection: (
      <Text size="xs" c="dimmed" pr={6}>
        {currency}
      </Text>
    ),
    rightSectionWidth: 48,
    styles: { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Agency profile">
      <Stack gap="lg" maw={880}>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Section title="Your agency" hint="Used in message templates and agreements.">
          <TextInput label="Agency name" required {...text('name')} />
          <TextInput label="Sender name" {...text('senderName')} />
          <TextInput label="Sender e-mail" type="email" {...text('senderEmail')} />
          <TextInput label="Calendar link" placeholder="https://cal.com/you/15min" {...text('calendarLink')} />
          <Textarea
            label="Positioning"
            description="What you do, for whom, in one sentence"
            autosize
            minRows={2}
            {...text('positioning')}
          />
          <Textarea label="Ideal client" autosize minRows={2} {...text('idealClient')} />
          <Textarea label="Services you offer" autosize minRows={2} {...text('servicesOffered')} />
          <Textarea label="Services you refer out" autosize minRows={2} {...text('servicesReferredOut')} />
        </Section>
        <Section title="Money and time" hint="Amounts are per month, in your currency.">
          <TextInput
            label="Currency"
            description="Three-letter code, e.g. USD or EUR"
            maxLength={3}
            {...text('currency')}
          />
          <Select
            label="Time zone"
            searchable
            allowDeselect={false}
            data={timeZones}
            value={values.timeZone}
            onChange={(v) => v && set('timeZone')(v)}
            error={errors.timeZone}
            limit={50}
          />
          <NumberInput
            label="Monthly revenue target"
            description="From partner referrals"
            {...money('monthlyRevenueTarget')}
          />
          <NumberInput
            label="Monthly platform cost"
            description="Tools you pay for to run outreach"
            {...money('monthlyPlatformCost')}
          />
        </Section>
        <Section title="Rhythm" hint="How often you follow up and review.">
          <Select
            label="Review cadence"
            allowDeselect={false}
            data={[
              { value: 'weekly', label: 'Weekly' },
              { value: 'monthly', label: 'Monthly' },
            ]}
            value={values.reviewCadence}
            onChange={(v) => v && set('reviewCadence')(v)}
            error={errors.reviewCadence}
          />
          <NumberInput
            label="Active partners target"
            min={1}
            max={1000}
            allowDecimal={false}
            {...num('partnerTarget')}
          />
          <NumberInput
            label="Follow up after at least (days)"
            min={1}
            max={60}
            allowDecimal={false}
            {...num('followUpMinDays')}
          />
          <NumberInput
            label="Follow up after at most (days)"
            min={1}
            max={60}
            allowDecimal={false}
            {...num('followUpMaxDays')}
          />
          <NumberInput
            label="Mark as no response after (days)"
            min={1}
            max={180}
            allowDecimal={false}
            {...num('noResponseDays')}
          />
        </Section>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}
