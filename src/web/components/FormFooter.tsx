import { Button, Group, Text } from '@mantine/core';

/**
 * The end of a modal form: the server's message when it named no field (field errors show on
 * their fields), then Cancel and the submit button.
 */
export function FormFooter({
  error,
  fieldErrors,
  pending,
  submitLabel,
  onCancel,
}: {
  error: Error | null;
  fieldErrors: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error && !Object.keys(fieldErrors).length && (
        <Text c="red" size="sm">
          {error.message}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
