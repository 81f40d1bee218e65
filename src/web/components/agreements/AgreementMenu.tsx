import { Button, Group, Menu, Modal, Stack, Textarea } from '@mantine/core';
import {
  IconAlertCircle,
  IconCheck,
  IconChevronDown,
  IconCircleOff,
  IconFileTypePdf,
  IconMarkdown,
  IconPlayerStop,
} from '@tabler/icons-react';
import { useState } from 'react';
import { AGREEMENT_TERMS, type AgreementTerm } from '../../../domain/agreement.js';
import { type Agreement, onePagerUrl } from '../../dealsApi.js';
import { TERM_LABELS } from './labels.js';

interface Props {
  agreement: Agreement;
  busy: boolean;
  onEnd(): void;
  onDispute(term: AgreementTerm, disputed: boolean): void;
  onRefusal(note: string): void;
}

/** The secondary actions of a saved agreement: downloads, disputes, ending and refusal. */
export function AgreementMenu({ agreement: a, busy, onEnd, onDispute, onRefusal }: Props) {
  const [refusing, setRefusing] = useState(false);
  const [note, setNote] = useState('');
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} />} loading={busy}>
            More
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>One-pager</Menu.Label>
          <Menu.Item component="a" href={onePagerUrl(a.id, 'md')} download leftSection={<IconMarkdown size={16} />}>
            Download Markdown
          </Menu.Item>
          <Menu.Item component="a" href={onePagerUrl(a.id, 'pdf')} download leftSection={<IconFileTypePdf size={16} />}>
            Download PDF
          </Menu.Item>
          {a.status !== 'ended' && (
            <>
              <Menu.Divider />
              <Menu.Label>Mark a term disputed</Menu.Label>
              {AGREEMENT_TERMS.map((term) => {
                const disputed = a.disputedTerms.includes(term);
                return (
                  <Menu.Item
                    key={term}
                    leftSection={disputed ? <IconCheck size={16} /> : <IconAlertCircle size={16} />}
                    onClick={() => onDispute(term, !disputed)}
                  >
                    {disputed ? `Settled: ${TERM_LABELS[term]}` : TERM_LABELS[term]}
                  </Menu.Item>
                );
              })}
              <Menu.Divider />
            </>
          )}
          {a.status === 'active' && (
            <Menu.Item color="red" leftSection={<IconPlayerStop size={16} />} onClick={onEnd}>
              End agreement today
            </Menu.Item>
          )}
          {a.status === 'proposed' && (
            <Menu.Item color="red" leftSection={<IconCircleOff size={16} />} onClick={() => setRefusing(true)}>
              Record refusal…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={refusing} onClose={() => setRefusing(false)} title="Record that the partner declined">
        <Stack gap="md">
          <Textarea
            label="Note"
            description="Why they said no, for when you look back"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRefusing(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                setRefusing(false);
                onRefusal(note.trim());
              }}
            >
              Record refusal
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
